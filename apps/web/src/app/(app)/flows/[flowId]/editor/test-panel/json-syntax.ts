/**
 * A strict JSON checker that says where and what is wrong. `JSON.parse`'s messages differ between
 * browsers and often give no position at all, and a person pasting a payload needs "line 3,
 * column 5: remove the trailing comma", not "Unexpected token }". It only checks; the value is
 * still read with `JSON.parse` once this finds nothing wrong.
 */

export interface JsonSyntaxError {
  /** Offset into the text (UTF-16 code units) where the problem is. */
  offset: number;
  message: string;
}

const MAX_DEPTH = 200;
const WORD_HINTS: Readonly<Record<string, string>> = {
  True: "write true in lower case",
  False: "write false in lower case",
  None: "write null for an empty value",
  Null: "write null in lower case",
  NULL: "write null in lower case",
  undefined: "JSON has no undefined; write null",
  NaN: "JSON has no NaN; write null or a number",
  Infinity: "JSON has no Infinity; write a number",
};

class SyntaxProblem {
  constructor(
    readonly offset: number,
    readonly message: string,
  ) {}
}

/** The first syntax error in `text`, or null when it is one valid JSON value. */
export function findJsonSyntaxError(text: string): JsonSyntaxError | null {
  try {
    new JsonChecker(text).checkDocument();
    return null;
  } catch (error) {
    if (error instanceof SyntaxProblem) return { offset: error.offset, message: error.message };
    throw error;
  }
}

/** 1-based line and column of an offset, counting \n, \r\n and \r as line breaks. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let index = 0; index < offset && index < text.length; index++) {
    const char = text[index];
    if (char === "\n" || (char === "\r" && text[index + 1] !== "\n")) {
      line++;
      lineStart = index + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

class JsonChecker {
  private index = 0;

  constructor(private readonly text: string) {}

  checkDocument(): void {
    this.skipWhitespace();
    if (this.index >= this.text.length) this.fail("the text is empty; paste a JSON object");
    this.value(0);
    this.skipWhitespace();
    if (this.index < this.text.length) {
      this.fail(`unexpected ${this.found()} after the end of the JSON value; remove it or wrap everything in { }`);
    }
  }

  private value(depth: number): void {
    if (depth > MAX_DEPTH) this.fail(`the value is nested more than ${MAX_DEPTH} levels deep`);
    const char = this.text[this.index];
    if (char === "{") {
      this.object(depth);
      return;
    }
    if (char === "[") {
      this.array(depth);
      return;
    }
    if (char === '"') {
      this.string();
      return;
    }
    if (char === "-" || (char !== undefined && char >= "0" && char <= "9")) {
      this.number();
      return;
    }
    if (char === "'") this.fail('strings use double quotes ("), not single quotes');
    const word = this.word();
    if (word === "true" || word === "false" || word === "null") {
      this.index += word.length;
      return;
    }
    const hint = word ? WORD_HINTS[word] : undefined;
    this.fail(
      hint
        ? `found ${word}: ${hint}`
        : `expected a value (text in "quotes", a number, true, false, null, { } or [ ]), found ${this.found()}`,
    );
  }

  private object(depth: number): void {
    this.index++; // {
    this.skipWhitespace();
    if (this.text[this.index] === "}") {
      this.index++;
      return;
    }
    for (;;) {
      this.skipWhitespace();
      const char = this.text[this.index];
      if (char === "}") this.fail("remove the trailing comma before }");
      if (char === "'") this.fail('keys use double quotes ("), not single quotes');
      if (char !== '"') this.fail(`expected a key in double quotes, found ${this.found()}`);
      this.string();
      this.skipWhitespace();
      if (this.text[this.index] !== ":") this.fail(`expected ":" after the key, found ${this.found()}`);
      this.index++;
      this.skipWhitespace();
      this.value(depth + 1);
      this.skipWhitespace();
      const next = this.text[this.index];
      if (next === "}") {
        this.index++;
        return;
      }
      if (next !== ",") this.fail(`expected "," or "}" after a property value, found ${this.found()}`);
      this.index++;
    }
  }

  private array(depth: number): void {
    this.index++; // [
    this.skipWhitespace();
    if (this.text[this.index] === "]") {
      this.index++;
      return;
    }
    for (;;) {
      this.skipWhitespace();
      if (this.text[this.index] === "]") this.fail("remove the trailing comma before ]");
      this.value(depth + 1);
      this.skipWhitespace();
      const next = this.text[this.index];
      if (next === "]") {
        this.index++;
        return;
      }
      if (next !== ",") this.fail(`expected "," or "]" after a list item, found ${this.found()}`);
      this.index++;
    }
  }

  private string(): void {
    const start = this.index;
    this.index++; // opening quote
    while (this.index < this.text.length) {
      const char = this.text[this.index] as string;
      if (char === '"') {
        this.index++;
        return;
      }
      if (char === "\\") {
        this.escape();
        continue;
      }
      if (char === "\n" || char === "\r") this.fail("a line break inside text must be written as \\n");
      if (char < " ") this.fail("a control character inside text must be escaped (\\t, \\u0000 …)");
      this.index++;
    }
    this.fail('this text is never closed: add the closing "', start);
  }

  private escape(): void {
    const kind = this.text[this.index + 1];
    if (kind !== undefined && '"\\/bfnrt'.includes(kind)) {
      this.index += 2;
      return;
    }
    if (kind === "u") {
      const hex = this.text.slice(this.index + 2, this.index + 6);
      if (/^[0-9a-fA-F]{4}$/.test(hex)) {
        this.index += 6;
        return;
      }
      this.fail("\\u must be followed by four hex digits");
    }
    this.fail(`"\\${kind ?? ""}" is not a JSON escape; write \\\\ for a backslash`);
  }

  private number(): void {
    const match = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?/.exec(this.text.slice(this.index));
    const following = this.text[this.index + (match?.[0].length ?? 0)];
    if (!match || match[0] === "-" || (following !== undefined && /[0-9A-Za-z.]/.test(following))) {
      this.fail(`${this.word() || this.found()} is not a valid JSON number (no leading zeros, no trailing dot)`);
    }
    this.index += match[0].length;
  }

  private skipWhitespace(): void {
    while (this.index < this.text.length && " \t\n\r".includes(this.text[this.index] as string)) this.index++;
    // Copied from code or docs, payloads often carry comments; name them rather than the "/".
    const next = this.text.slice(this.index, this.index + 2);
    if (next === "//" || next === "/*") this.fail("JSON does not allow comments; remove it");
  }

  /** The run of letters, digits and dots at the current position, for messages. */
  private word(): string {
    return /^[-A-Za-z0-9_.+]*/.exec(this.text.slice(this.index))?.[0].slice(0, 30) ?? "";
  }

  private found(): string {
    const char = this.text[this.index];
    return char === undefined ? "the end of the text" : JSON.stringify(char);
  }

  private fail(message: string, offset = this.index): never {
    throw new SyntaxProblem(offset, message);
  }
}
