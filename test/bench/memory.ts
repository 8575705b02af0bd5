/** Peak resident memory of this process in MB: VmHWM from /proc (Linux), else `resourceUsage().maxRSS`. */
import { readFileSync } from 'node:fs';

export function peakRssMb(): number {
  try {
    const line = readFileSync('/proc/self/status', 'utf8')
      .split('\n')
      .find((l) => l.startsWith('VmHWM:'));
    if (line) return Number(line.replace(/\D+/g, '')) / 1024;
  } catch {
    // not Linux
  }
  return process.resourceUsage().maxRSS / 1024;
}
