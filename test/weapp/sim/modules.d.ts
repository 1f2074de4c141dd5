// miniprogram-compiler ships no types: the two functions the renderer uses.
declare module 'miniprogram-compiler' {
  export function wxmlToJs(rootPath: string, compilerOptions?: Record<string, unknown>): string;
  export function wxssToJs(rootPath: string, compilerOptions?: Record<string, unknown>): string;
}
