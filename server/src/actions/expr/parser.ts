// Lexer and parser of GitHub Actions expressions (the text inside `${{ }}`), with offsets relative to that text.

export type Node =
  | { kind: 'null'; start: number; end: number }
  | { kind: 'bool'; value: boolean; start: number; end: number }
  | { kind: 'number'; value: number; start: number; end: number }
  | { kind: 'string'; value: string; start: number; end: number }
  | { kind: 'var'; name: string; start: number; end: number }
  | { kind: 'prop'; receiver: Node; name: string; nameStart: number; start: number; end: number }
  | { kind: 'index'; receiver: Node; index: Node; start: number; end: number }
  | { kind: 'star'; receiver: Node; start: number; end: number }
  | { kind: 'call'; name: string; args: Node[]; start: number; end: number }
  | { kind: 'not'; operand: Node; start: number; end: number }
  | { kind: 'binary'; op: BinaryOp; left: Node; right: Node; opStart: number; start: number; end: number };

export type BinaryOp = '==' | '!=' | '<' | '<=' | '>' | '>=' | '&&' | '||';

export interface SyntaxProblem {
  message: string;
  start: number;
  end: number;
}

interface Token {
  type: 'ident' | 'number' | 'string' | 'punct' | 'end';
  text: string;
  start: number;
  end: number;
  value?: string | number;
}

const PUNCT = ['==', '!=', '<=', '>=', '&&', '||', '<', '>', '!', '(', ')', '[', ']', '.', ',', '*'];

class ExprError extends Error {
  constructor(
    message: string,
    readonly start: number,
    readonly end: number,
  ) {
    super(message);
  }
}

export function tokenize(src: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      i++;
      continue;
    }
    const start = i;
    if (/[A-Za-z_]/.test(c)) {
      while (i < src.length && /[A-Za-z0-9_-]/.test(src[i])) i++;
      tokens.push({ type: 'ident', text: src.slice(start, i), start, end: i });
      continue;
    }
    if (/[0-9]/.test(c) || (c === '-' && /[0-9.]/.test(src[i + 1] ?? '')) || (c === '.' && /[0-9]/.test(src[i + 1] ?? '') && !isAfterOperand(tokens))) {
      const m = /^-?(?:0x[0-9a-fA-F]+|0o[0-7]+|(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?)/.exec(src.slice(i))!;
      i += m[0].length;
      if (i < src.length && /[A-Za-z_]/.test(src[i])) throw new ExprError(`invalid number literal "${src.slice(start, i + 1)}"`, start, i + 1);
      tokens.push({ type: 'number', text: m[0], start, end: i, value: Number(m[0]) });
      continue;
    }
    if (c === "'") {
      let value = '';
      i++;
      for (;;) {
        if (i >= src.length) throw new ExprError('unterminated string literal: a string must end with a single quote', start, src.length);
        if (src[i] === "'") {
          if (src[i + 1] === "'") {
            value += "'";
            i += 2;
            continue;
          }
          i++;
          break;
        }
        value += src[i++];
      }
      tokens.push({ type: 'string', text: src.slice(start, i), start, end: i, value });
      continue;
    }
    const p = PUNCT.find((op) => src.startsWith(op, i));
    if (p) {
      i += p.length;
      tokens.push({ type: 'punct', text: p, start, end: i });
      continue;
    }
    if (c === '"') throw new ExprError('double quotes do not delimit strings in expressions: use single quotes', start, start + 1);
    if (c === '=') throw new ExprError('unexpected "=": use "==" to compare; expressions cannot assign', start, start + 1);
    throw new ExprError(`unexpected character "${c}" in expression`, start, start + 1);
  }
  tokens.push({ type: 'end', text: '', start: src.length, end: src.length });
  return tokens;
}

function isAfterOperand(tokens: Token[]): boolean {
  const last = tokens[tokens.length - 1];
  return !!last && (last.type === 'ident' || last.text === ')' || last.text === ']' || last.text === '*');
}

const PRECEDENCE: Record<string, number> = { '||': 1, '&&': 2, '==': 3, '!=': 3, '<': 4, '<=': 4, '>': 4, '>=': 4 };

class Parser {
  private pos = 0;
  constructor(
    private readonly tokens: Token[],
    private readonly src: string,
  ) {}

  private peek(): Token {
    return this.tokens[this.pos];
  }

  private next(): Token {
    return this.tokens[this.pos++];
  }

  private expect(text: string, what: string): Token {
    const t = this.peek();
    if (t.type === 'punct' && t.text === text) return this.next();
    throw this.unexpected(t, `expected "${text}" ${what}`);
  }

  unexpected(t: Token, expected: string): ExprError {
    if (t.type === 'end') return new ExprError(`unexpected end of expression: ${expected}`, Math.max(0, t.start - 1), t.start);
    return new ExprError(`unexpected "${t.text}": ${expected}`, t.start, t.end);
  }

  parseExpression(minPrec = 1): Node {
    let left = this.parseUnary();
    for (;;) {
      const t = this.peek();
      const prec = t.type === 'punct' ? PRECEDENCE[t.text] : undefined;
      if (prec === undefined || prec < minPrec) return left;
      this.next();
      const right = this.parseExpression(prec + 1);
      left = { kind: 'binary', op: t.text as BinaryOp, left, right, opStart: t.start, start: left.start, end: right.end };
    }
  }

  private parseUnary(): Node {
    const t = this.peek();
    if (t.type === 'punct' && t.text === '!') {
      this.next();
      const operand = this.parseUnary();
      return { kind: 'not', operand, start: t.start, end: operand.end };
    }
    return this.parsePostfix(this.parsePrimary());
  }

  private parsePrimary(): Node {
    const t = this.next();
    if (t.type === 'number') return { kind: 'number', value: t.value as number, start: t.start, end: t.end };
    if (t.type === 'string') return { kind: 'string', value: t.value as string, start: t.start, end: t.end };
    if (t.type === 'ident') {
      if (t.text === 'true' || t.text === 'false') return { kind: 'bool', value: t.text === 'true', start: t.start, end: t.end };
      if (t.text === 'null') return { kind: 'null', start: t.start, end: t.end };
      if (t.text === 'NaN' || t.text === 'Infinity') return { kind: 'number', value: Number(t.text), start: t.start, end: t.end };
      if (this.peek().text === '(' && this.peek().type === 'punct') {
        this.next();
        const args: Node[] = [];
        if (!(this.peek().type === 'punct' && this.peek().text === ')')) {
          for (;;) {
            args.push(this.parseExpression());
            const sep = this.peek();
            if (sep.type === 'punct' && sep.text === ',') {
              this.next();
              continue;
            }
            break;
          }
        }
        const close = this.expect(')', `to close the arguments of ${t.text}()`);
        return { kind: 'call', name: t.text, args, start: t.start, end: close.end };
      }
      return { kind: 'var', name: t.text, start: t.start, end: t.end };
    }
    if (t.type === 'punct' && t.text === '(') {
      const inner = this.parseExpression();
      this.expect(')', 'to close the parenthesis');
      return inner;
    }
    this.pos--;
    throw this.unexpected(t, 'expected a value (literal, context, function call or parenthesis)');
  }

  private parsePostfix(node: Node): Node {
    for (;;) {
      const t = this.peek();
      if (t.type !== 'punct') return node;
      if (t.text === '.') {
        this.next();
        const name = this.next();
        if (name.type === 'punct' && name.text === '*') node = { kind: 'star', receiver: node, start: node.start, end: name.end };
        else if (name.type === 'ident') node = { kind: 'prop', receiver: node, name: name.text, nameStart: name.start, start: node.start, end: name.end };
        else {
          this.pos--;
          throw this.unexpected(name, 'expected a property name or "*" after "."');
        }
      } else if (t.text === '[') {
        this.next();
        const star = this.peek();
        if (star.type === 'punct' && star.text === '*') {
          this.next();
          const close = this.expect(']', 'after "[*"');
          node = { kind: 'star', receiver: node, start: node.start, end: close.end };
        } else {
          const index = this.parseExpression();
          const close = this.expect(']', 'to close the index');
          node = { kind: 'index', receiver: node, index, start: node.start, end: close.end };
        }
      } else return node;
    }
  }

  parseAll(): Node {
    if (this.peek().type === 'end') throw new ExprError('the expression is empty', 0, this.src.length);
    const node = this.parseExpression();
    const rest = this.peek();
    if (rest.type !== 'end') throw this.unexpected(rest, 'expected an operator or the end of the expression');
    return node;
  }
}

/** Parses one expression; a syntax problem is returned instead of thrown. */
export function parseExpression(src: string): { node?: Node; problem?: SyntaxProblem } {
  try {
    const tokens = tokenize(src);
    return { node: new Parser(tokens, src).parseAll() };
  } catch (e) {
    if (e instanceof ExprError) return { problem: { message: e.message, start: e.start, end: Math.max(e.end, e.start) } };
    throw e;
  }
}

/** A dotted path of a property chain (`github.event.issue.title`), or undefined when it has calls or computed parts. */
export function pathOf(node: Node): string | undefined {
  if (node.kind === 'var') return node.name;
  if (node.kind === 'prop') {
    const base = pathOf(node.receiver);
    return base === undefined ? undefined : `${base}.${node.name}`;
  }
  if (node.kind === 'star') {
    const base = pathOf(node.receiver);
    return base === undefined ? undefined : `${base}.*`;
  }
  if (node.kind === 'index' && node.index.kind === 'string') {
    const base = pathOf(node.receiver);
    return base === undefined ? undefined : `${base}.${node.index.value}`;
  }
  return undefined;
}

/** Every node of a tree, parents first. */
export function walk(node: Node, visit: (n: Node) => void): void {
  visit(node);
  switch (node.kind) {
    case 'prop':
    case 'star':
      walk(node.receiver, visit);
      break;
    case 'index':
      walk(node.receiver, visit);
      walk(node.index, visit);
      break;
    case 'call':
      node.args.forEach((a) => walk(a, visit));
      break;
    case 'not':
      walk(node.operand, visit);
      break;
    case 'binary':
      walk(node.left, visit);
      walk(node.right, visit);
      break;
  }
}
