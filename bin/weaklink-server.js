#!/usr/bin/env node
// `npm start`: the API and the map (server/start.ts), from the sources or the compiled dist/ (bin/launch.js).
import { load } from './launch.js';

const { main, fail } = await load('server/start');
main(process.argv.slice(2)).catch(fail);
