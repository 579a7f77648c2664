// A node:test reporter for The Factory: one line per event (see python_runner.py for the format). A test is named
// <file relative to the project root>#<name>, nested tests as "suite > test". Suites are not counted as tests.
import path from 'node:path';

const escape = (text) => String(text).replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n')
  .replace(/\r/g, '\\r');

function message(error) {
  if (!error) {
    return '';
  }
  const cause = error.cause && typeof error.cause === 'object' ? error.cause : error;
  const text = String(cause.message ?? cause).split('\n').slice(0, 6).join('\n');
  const frame = String(cause.stack ?? '').split('\n').find((line) => line.includes(process.cwd())
    && !line.includes('node_modules'));
  return (cause.name && cause.name !== 'Error' ? cause.name + ': ' : '') + text
    + (frame ? ' (' + frame.trim().replace(process.cwd() + path.sep, '') + ')' : '');
}

export default async function* factoryReporter(source) {
  const stacks = new Map();
  // The first lines a test file printed on standard error: the reason when the file itself fails (it cannot load).
  const stderr = new Map();
  const name = (data) => {
    const file = data.file ? path.relative(process.cwd(), data.file).split(path.sep).join('/') : '';
    const stack = stacks.get(data.file) ?? [];
    const parts = stack.slice(0, data.nesting);
    parts.push(data.name === data.file ? '<file>' : data.name);
    return (file ? file + '#' : '') + parts.join(' > ');
  };
  for await (const event of source) {
    const data = event.data ?? {};
    if (event.type === 'test:stderr') {
      const lines = (stderr.get(data.file) ?? []).concat(String(data.message ?? '').split('\n')
        .filter((line) => line.trim() !== ''));
      stderr.set(data.file, lines.slice(0, 40));
    } else if (event.type === 'test:start') {
      const stack = stacks.get(data.file) ?? [];
      stack.length = data.nesting;
      stack[data.nesting] = data.name;
      stacks.set(data.file, stack);
      yield 'STARTED\t' + escape(name(data)) + '\n';
    } else if (event.type === 'test:pass' || event.type === 'test:fail') {
      const details = data.details ?? {};
      const suite = details.type === 'suite';
      const skipped = data.skip !== undefined && data.skip !== false || data.todo !== undefined && data.todo !== false;
      if (suite && (event.type === 'test:pass' || details.error?.failureType === 'subtestsFailed')) {
        continue;
      }
      if (skipped) {
        yield 'SKIPPED\t' + escape(name(data)) + '\t' + escape(typeof data.skip === 'string' ? data.skip
          : typeof data.todo === 'string' ? data.todo : '') + '\n';
      } else if (event.type === 'test:pass') {
        yield 'PASSED\t' + escape(name(data)) + '\n';
      } else {
        const printed = data.name === data.file ? stderr.get(data.file) ?? [] : [];
        const own = printed.find((line) => /^\w*Error\b/.test(line.trim())) ?? printed.slice(0, 3).join('\n');
        yield 'FAILED\t' + escape(name(data)) + '\t' + escape(own || message(details.error)) + '\n';
      }
    }
  }
  yield 'DONE\n';
}
