import { browser } from 'wxt/browser';
import { envelope, protocol, type MessageName, type RequestOf, type ResponseOf } from './messaging';

/** Sends a protocol message to the background and validates its answer. */
export async function sendMessage<N extends MessageName>(name: N, data: RequestOf<N>): Promise<ResponseOf<N>> {
  const answer: unknown = await browser.runtime.sendMessage(envelope(name, data));
  return protocol[name].response.parse(answer) as ResponseOf<N>;
}

/** Sends to one tab's content script; a tab without our content script is not an error. */
export async function sendToTab<N extends MessageName>(tabId: number, name: N, data: RequestOf<N>): Promise<ResponseOf<N> | undefined> {
  try {
    const answer: unknown = await browser.tabs.sendMessage(tabId, envelope(name, data));
    return protocol[name].response.parse(answer) as ResponseOf<N>;
  } catch {
    return undefined;
  }
}
