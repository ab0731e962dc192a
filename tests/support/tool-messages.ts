import { TOOL_DATA_NOTICE } from '../../src/agent/untrusted-content';

/** A tool message's content without the notice line BRI puts first (its quoted-data marker). */
export function withoutDataNotice(content: string): string {
  if (!content.startsWith(`${TOOL_DATA_NOTICE}\n`))
    throw new Error('a tool result without its notice');
  return content.slice(TOOL_DATA_NOTICE.length + 1);
}
