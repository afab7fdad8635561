// Requests to NearMiss's own API. Nothing here sends cookies, a referrer or anything cached.

const base = {
  credentials: 'omit',
  cache: 'no-store',
  referrerPolicy: 'no-referrer',
};

/** GET a JSON resource. Resolves to { status, data }; rejects only when the network fails. */
export async function getJson(path, headers = {}) {
  const response = await fetch(path, { ...base, headers: { Accept: 'application/json, application/problem+json', ...headers } });
  return { status: response.status, data: await readBody(response), retryAfter: null };
}

/** POST a JSON body. Resolves to { status, data, retryAfter }; rejects only when the network fails. */
export async function postJson(path, body, headers = {}) {
  const response = await fetch(path, {
    ...base,
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json, application/problem+json', ...headers },
    body: JSON.stringify(body),
  });
  return { status: response.status, data: await readBody(response), retryAfter: response.headers.get('Retry-After') };
}

async function readBody(response) {
  const text = await response.text().catch(() => '');
  if (!text) {
    return null;
  }
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** The `errors` map of a problem details body as [field, [messages]] pairs. */
export function problemErrors(data) {
  const errors = data && typeof data === 'object' ? data.errors : null;
  if (!errors || typeof errors !== 'object') {
    return [];
  }
  return Object.entries(errors).map(([field, messages]) => [
    field,
    (Array.isArray(messages) ? messages : [messages]).map(String),
  ]);
}

/** A sentence for a field error: "Call type is required." from ("Call type", "is required"). */
export function sentence(name, message) {
  const text = `${name} ${message}`.trim();
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

/** "in 30 seconds" from a Retry-After header, or "in a minute". */
export function retryWhen(retryAfter) {
  const seconds = Number.parseInt(retryAfter ?? '', 10);
  if (Number.isFinite(seconds) && seconds > 0 && seconds < 3600) {
    return seconds < 90 ? `in ${seconds} seconds` : `in ${Math.ceil(seconds / 60)} minutes`;
  }
  return 'in a minute';
}

/** The title (and detail, when it adds something) of a problem details body, or null. */
export function problemTitle(data) {
  if (!data || typeof data !== 'object' || typeof data.title !== 'string' || !data.title) {
    return null;
  }
  const detail = typeof data.detail === 'string' && data.detail && data.detail !== data.title ? ` ${data.detail}` : '';
  return `${data.title}${detail}`;
}

/** A short message for a failed request that carries no field errors. */
export function failureMessage(status, retryAfter, what) {
  if (status === 413) {
    return `The ${what} is too large to send. Shorten the text and send again.`;
  }
  if (status === 429) {
    return `Too many requests are reaching NearMiss right now. Please try again ${retryWhen(retryAfter)}.`;
  }
  if (status >= 500) {
    return `NearMiss could not take the ${what} just now (error ${status}). Please try again in a moment.`;
  }
  return `NearMiss answered with an unexpected error (${status}). Please try again.`;
}

/** document.createElement with attributes and children (strings become text nodes, never HTML). */
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === false || value === null || value === undefined) {
      continue;
    }
    if (name === 'text') {
      node.textContent = value;
    } else if (value === true) {
      node.setAttribute(name, '');
    } else {
      node.setAttribute(name, String(value));
    }
  }
  for (const child of children.flat()) {
    if (child !== null && child !== undefined && child !== false) {
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
  }
  return node;
}

/** What to tell someone whose sign-in link could not be exchanged for a session. */
export function signInFailure(response) {
  if (!response) {
    return 'Could not reach NearMiss. Check your connection and try again.';
  }
  if (response.status === 401) {
    return 'This sign-in link has been used, has expired or is not valid. Ask for a new one below.';
  }
  return problemTitle(response.data) ?? failureMessage(response.status, response.retryAfter, 'sign-in');
}
