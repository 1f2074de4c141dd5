/** What a screen shows while it waits for data. */
export type LoadState = 'idle' | 'loading' | 'ready' | 'error';
