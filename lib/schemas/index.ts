export * from './api';
export * from './brand';
export * from './interaction';
export * from './post';
export * from './settings';
