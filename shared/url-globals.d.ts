/**
 * The WHATWG URL API, which every runtime shared/ runs in (Node, Chromium, Electron) provides as
 * globals. shared/ compiles without DOM or Node types, so the part it uses is declared here.
 */
declare class URLSearchParams {
  constructor(init?: string | Record<string, string>);
  readonly size: number;
  keys(): IterableIterator<string>;
  getAll(name: string): string[];
  get(name: string): string | null;
  append(name: string, value: string): void;
}

declare class URL {
  constructor(url: string, base?: string);
  static canParse(url: string, base?: string): boolean;
  readonly protocol: string;
  readonly username: string;
  readonly password: string;
  readonly host: string;
  readonly port: string;
  readonly pathname: string;
  readonly hash: string;
  readonly searchParams: URLSearchParams;
}
