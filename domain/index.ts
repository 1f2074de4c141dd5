/** The shared domain: pure TypeScript used by the app and the server. No framework, no I/O. */
export * from './change-window';
export * from './errors';
export * from './geo';
export * from './lifecycle';
export * from './matching';
export * from './schemas';
export * from './schemas-booking';
export * from './districts';
export * from './schemas-lifecycle';
export * from './schemas-family';
export * from './schemas-feedback';
export * from './schemas-preferences';
export * from './services';
export * from './slots';
export * from './staff';
export * from './time';
export * from './timeline';
