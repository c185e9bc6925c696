import type { Rule } from '../../engine/types';
import type { DockerfileModel } from '../model';

export const exposeProtoCasing: Rule<DockerfileModel> = {
  id: 'dockerfile/expose-proto-casing',
  aliases: ['ExposeProtoCasing'],
  severity: 'warning',
  profile: 'recommended',
  category: 'style',
  fixable: true,
  description: 'The protocol of an EXPOSEd port should be lowercase (`80/tcp`).',
  docs: `Protocols are \`tcp\`, \`udp\` and \`sctp\` in lowercase; other spellings are normalised silently by some tools
and rejected by others. The quick fix lower-cases the protocol.

**Bad**
\`\`\`dockerfile
EXPOSE 53/UDP
\`\`\`
**Good**
\`\`\`dockerfile
EXPOSE 53/udp
\`\`\``,
  check(ctx) {
    for (const ins of ctx.model.instructions) {
      if (ins.getKeyword() !== 'EXPOSE') continue;
      for (const arg of ins.getArguments()) {
        const port = arg.getValue();
        const slash = port.lastIndexOf('/');
        if (slash < 0 || port.includes('$')) continue;
        const proto = port.slice(slash + 1);
        if (proto === proto.toLowerCase()) continue;
        const r = arg.getRange();
        const start = ctx.model.index.offsetAt(r.start);
        const raw = ctx.model.text.slice(start, ctx.model.index.offsetAt(r.end));
        const at = raw.lastIndexOf('/');
        const protoRange = ctx.model.index.range(start + at + 1, start + raw.length);
        ctx.report({
          range: r,
          message: `Protocol "${proto}" in EXPOSE ${port} should be lowercase: "${proto.toLowerCase()}".`,
          fix: { title: `Write "${proto.toLowerCase()}"`, edits: [{ range: protoRange, newText: raw.slice(at + 1).toLowerCase() }] },
        });
      }
    }
  },
};
