import type { FileRef } from '../../../shared/api/contract';
import type { Result } from '../../../shared/result';
import { isResult, transportError } from './transport';
import type { PickFilter, Transport } from './transport';

const ACCEPT: Record<PickFilter, string> = {
  spreadsheets: '.xlsx,.xls,.csv',
  books: '.feetrail',
  json: '.json,application/json',
};

/** Reads a host reply: a `Result` as JSON, or a transport problem named by the HTTP status. */
async function readReply<T>(response: Response): Promise<Result<T>> {
  if (response.status === 401 || response.status === 403) return transportError('unauthorized');
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    return transportError('bad_reply', { status: response.status });
  }
  // Replies are not re-validated: they come from our own services (see shared/api/define.ts).
  return isResult(body) ? (body as Result<T>) : transportError('bad_reply', { status: response.status });
}

/** Opens the browser's file chooser; resolves with the chosen files, or [] when the user cancels. */
function chooseFiles(filter: PickFilter, multiple: boolean): Promise<File[]> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = ACCEPT[filter];
    input.multiple = multiple;
    input.hidden = true;
    const finish = (files: File[]) => {
      input.remove();
      resolve(files);
    };
    input.addEventListener('change', () => finish(Array.from(input.files ?? [])), { once: true });
    input.addEventListener('cancel', () => finish([]), { once: true });
    document.body.append(input);
    input.click();
  });
}

/** The browser against electron/host: `POST /api/call/<name>` with the token as a bearer. */
export function createWebTransport(token: string): Transport {
  const authorization = `Bearer ${token}`;

  const upload = async (file: File): Promise<Result<FileRef>> => {
    let response: Response;
    try {
      response = await fetch(`/api/upload?name=${encodeURIComponent(file.name)}`, {
        method: 'POST',
        headers: { Authorization: authorization, 'Content-Type': 'application/octet-stream' },
        body: file,
      });
    } catch {
      return transportError('upload_failed', { name: file.name });
    }
    return readReply<FileRef>(response);
  };

  return {
    kind: 'web',
    async invoke(name, input) {
      if (name.startsWith('dialog:')) return transportError('unsupported_here', { name });
      let response: Response;
      try {
        response = await fetch(`/api/call/${name}`, {
          method: 'POST',
          headers: { Authorization: authorization, 'Content-Type': 'application/json' },
          body: JSON.stringify(input),
        });
      } catch {
        return transportError('unreachable');
      }
      return readReply(response);
    },
    async pickFiles({ filter, multiple }) {
      const files = await chooseFiles(filter, multiple);
      const refs: FileRef[] = [];
      for (const file of files) {
        const uploaded = await upload(file);
        if (!uploaded.ok) return uploaded;
        refs.push(uploaded.value);
      }
      return { ok: true, value: refs };
    },
    saveFile() {
      return Promise.resolve({ ok: true, value: { kind: 'download' } });
    },
    download(file) {
      const link = document.createElement('a');
      link.href = `/api/download/${encodeURIComponent(file.fileId)}?token=${encodeURIComponent(token)}`;
      link.download = file.name;
      link.hidden = true;
      document.body.append(link);
      link.click();
      link.remove();
    },
  };
}
