/** The Ui: add-on menus, sidebars, dialogs, alerts and prompts, recorded for tests and the playground. */
import { CallCounter, counted } from './counter';
import type { EmuHtmlOutput } from './html';

export const BUTTON = { OK: 'OK', CANCEL: 'CANCEL', YES: 'YES', NO: 'NO', CLOSE: 'CLOSE' } as const;
export const BUTTON_SET = {
  OK: 'OK',
  OK_CANCEL: 'OK_CANCEL',
  YES_NO: 'YES_NO',
  YES_NO_CANCEL: 'YES_NO_CANCEL',
} as const;

export interface MenuItem {
  caption: string;
  functionName: string;
}
export interface Menu {
  title: string;
  items: (MenuItem | 'separator')[];
}
export interface Alert {
  title: string;
  prompt: string;
  buttons: string;
}

export class EmuMenu {
  private readonly items: (MenuItem | 'separator')[] = [];
  constructor(
    private readonly title: string,
    private readonly ui: EmuUi,
  ) {}
  addItem(caption: string, functionName: string): this {
    this.items.push({ caption, functionName });
    return this;
  }
  addSeparator(): this {
    this.items.push('separator');
    return this;
  }
  addToUi(): void {
    this.ui.menus = this.ui.menus
      .filter((m) => m.title !== this.title)
      .concat({ title: this.title, items: [...this.items] });
  }
}

export class EmuUi {
  readonly Button = BUTTON;
  readonly ButtonSet = BUTTON_SET;
  menus: Menu[] = [];
  sidebar: EmuHtmlOutput | undefined;
  dialogs: { html: EmuHtmlOutput; title: string }[] = [];
  alerts: Alert[] = [];
  /** Answers the next alerts or prompts will get, in order (tests and the playground queue them). */
  readonly answers: { button: string; text?: string }[] = [];
  /** Called when a prompt finds no queued answer (the playground asks the person, then reruns). */
  onUnanswered: ((prompt: Alert) => void) | undefined;

  constructor(private readonly addonName: string) {}

  static _make(addonName: string, counter: CallCounter): EmuUi {
    return counted(new EmuUi(addonName), 'Ui', counter);
  }

  createAddonMenu(): EmuMenu {
    return new EmuMenu(this.addonName, this);
  }
  createMenu(caption: string): EmuMenu {
    return new EmuMenu(caption, this);
  }
  showSidebar(html: EmuHtmlOutput): void {
    this.sidebar = html;
  }
  showModalDialog(html: EmuHtmlOutput, title: string): void {
    this.dialogs.push({ html, title });
  }
  showModelessDialog(html: EmuHtmlOutput, title: string): void {
    this.dialogs.push({ html, title });
  }

  alert(a: string, b?: string, c?: string): string {
    const [title, prompt, buttons] =
      b === undefined
        ? ['', a, BUTTON_SET.OK]
        : c === undefined
          ? Object.values(BUTTON_SET).includes(b as never)
            ? ['', a, b]
            : [a, b, BUTTON_SET.OK]
          : [a, b, c];
    this.alerts.push({ title, prompt, buttons });
    return (
      this.answers.shift()?.button ??
      (buttons === BUTTON_SET.YES_NO || buttons === BUTTON_SET.YES_NO_CANCEL ? BUTTON.YES : BUTTON.OK)
    );
  }

  prompt(a: string, b?: string, c?: string): { getResponseText(): string; getSelectedButton(): string } {
    const title = b === undefined ? '' : a;
    const prompt = b === undefined ? a : b;
    this.alerts.push({ title, prompt, buttons: c ?? BUTTON_SET.OK });
    const queued = this.answers.shift();
    if (!queued && this.onUnanswered) this.onUnanswered({ title, prompt, buttons: c ?? BUTTON_SET.OK });
    const answer = queued ?? { button: BUTTON.CANCEL, text: '' };
    return { getResponseText: () => answer.text ?? '', getSelectedButton: () => answer.button };
  }
}
