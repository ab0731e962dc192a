import type { Locator, Page } from '@playwright/test';
import type { ChatRequest } from '../../support/fake-groq';
import { withoutDataNotice } from '../../support/tool-messages';

/** The chat beside the player (or the library's), driven as a person types. */
export class ChatPage {
  readonly input: Locator;
  readonly messages: Locator;
  readonly citations: Locator;
  readonly error: Locator;

  constructor(readonly page: Page) {
    this.input = page.getByTestId('chat.input');
    this.messages = page.getByTestId('chat.message');
    this.citations = page.getByTestId('chat.citation');
    this.error = page.getByTestId('chat.error');
  }

  /** Types a question and sends it (the answer streams in; wait on `messages`). */
  async ask(question: string): Promise<void> {
    await this.input.fill(question);
    await this.page.getByTestId('chat.send').click();
  }
}

/** The text the last tool's result was sent to the model as (the fake Groq's view). */
export function lastToolText(request: ChatRequest): string {
  const message = request.messages.at(-1);
  if (message?.role !== 'tool') throw new Error('expected a tool result last');
  return withoutDataNotice(message.content);
}

/** What the model was sent back by the last tool it called, for tools that send JSON. */
export function lastToolResult<Result>(request: ChatRequest): Result {
  return (JSON.parse(lastToolText(request)) as { result: Result }).result;
}
