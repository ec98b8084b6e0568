/** HtmlService: serves the built HTML files from dist/. */
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { CallCounter, counted } from './counter';

export class EmuHtmlOutput {
  private title = '';
  private width = 300;
  private height = 400;
  constructor(
    private content: string,
    readonly fileName?: string,
  ) {}
  getContent(): string {
    return this.content;
  }
  setContent(content: string): this {
    this.content = content;
    return this;
  }
  append(more: string): this {
    this.content += more;
    return this;
  }
  setTitle(title: string): this {
    this.title = title;
    return this;
  }
  getTitle(): string {
    return this.title;
  }
  setWidth(width: number): this {
    this.width = width;
    return this;
  }
  getWidth(): number {
    return this.width;
  }
  setHeight(height: number): this {
    this.height = height;
    return this;
  }
  getHeight(): number {
    return this.height;
  }
  setSandboxMode(): this {
    return this;
  }
  setXFrameOptionsMode(): this {
    return this;
  }
}

export class EmuHtmlService {
  readonly SandboxMode = { IFRAME: 'IFRAME', NATIVE: 'NATIVE', EMULATED: 'EMULATED' };
  readonly XFrameOptionsMode = { ALLOWALL: 'ALLOWALL', DEFAULT: 'DEFAULT' };
  constructor(private readonly distDir: string) {}
  static _make(distDir: string, counter: CallCounter): EmuHtmlService {
    return counted(new EmuHtmlService(distDir), 'HtmlService', counter);
  }

  createHtmlOutputFromFile(filename: string): EmuHtmlOutput {
    const path = join(this.distDir, filename.endsWith('.html') ? filename : `${filename}.html`);
    if (!existsSync(path)) throw new Error(`Exception: No HTML file named ${filename} was found.`);
    return new EmuHtmlOutput(readFileSync(path, 'utf8'), filename);
  }
  createHtmlOutput(html?: string): EmuHtmlOutput {
    return new EmuHtmlOutput(html ?? '');
  }
}
