export * from './types';
export * from './text';
export * from './config';
export * from './detect';
export * from './registry';
export * from './lint';
export * from './suppress';
export * from './workspace';
