// Minimal types for the part of selenium-webdriver 4.46 the WebKit adapter uses (the package ships
// no types and @types/selenium-webdriver is not installed).
declare module 'selenium-webdriver' {
  export class Capabilities {
    get(key: string): unknown;
  }
  export interface Timeouts {
    script?: number;
    pageLoad?: number;
    implicit?: number;
  }
  export interface Rect {
    x?: number;
    y?: number;
    width: number;
    height: number;
  }
  export class WebDriver {
    get(url: string): Promise<void>;
    getCapabilities(): Promise<Capabilities>;
    executeScript<T = unknown>(script: string, ...args: unknown[]): Promise<T>;
    takeScreenshot(): Promise<string>;
    navigate(): { refresh(): Promise<void> };
    manage(): {
      setTimeouts(timeouts: Timeouts): Promise<void>;
      window(): { setRect(rect: Rect): Promise<Rect>; getRect(): Promise<Rect> };
    };
    quit(): Promise<void>;
  }
  export class Builder {
    usingServer(url: string): this;
    withCapabilities(capabilities: Record<string, unknown>): this;
    build(): WebDriver;
  }
}
