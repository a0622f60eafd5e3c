// The facts a benchmark number means nothing without.

import { cpus, release, totalmem } from 'node:os';

export interface Machine {
  cores: number;
  cpu: string;
  memoryGiB: number;
  node: string;
  os: string;
  /** V8's default old-space limit, which the scale size must fit in. */
  heapLimitMiB: number;
}

export async function machine(): Promise<Machine> {
  const { getHeapStatistics } = await import('node:v8');
  return {
    cores: cpus().length,
    cpu: cpus()[0]?.model.trim() ?? 'unknown',
    memoryGiB: totalmem() / 1024 ** 3,
    node: process.version,
    os: `${process.platform} ${release()}`,
    heapLimitMiB: getHeapStatistics().heap_size_limit / 1024 ** 2,
  };
}
