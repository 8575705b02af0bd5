#!/usr/bin/env node
// The `weaklink` command: the CLI, from the sources or the compiled dist/ (bin/launch.js).
import { load } from './launch.js';

const { main } = await load('src/cli/main');
process.exitCode = await main(process.argv);
