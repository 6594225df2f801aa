/** Quill 1.3 (installed as `quill1`) ships no types; what the test page uses of it. */
declare module 'quill1' {
  export default class Quill {
    constructor(container: Element);
    root: HTMLElement;
    getText(): string;
    setText(text: string, source?: string): void;
  }
}
