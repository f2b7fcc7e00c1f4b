// Enhancements shared by every page. Each one leaves the server-rendered page working as it was.

/** Focus the error summary after a failed submit, so screen readers read it first. */
export function focusErrorSummary() {
  const summary = document.querySelector('[data-error-summary]');
  if (summary) summary.focus();
}

// ---------------------------------------------------------------- inline validation
// The same rules and messages as the server (CreditCode, MobileNumber, NeedValidation).
const CREDIT_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CREDIT_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export function creditCodeProblem(raw) {
  const code = raw.trim().toUpperCase();
  if (code.length !== 18) return '统一社会信用代码应为18位';
  if ([...code].some((c) => !CREDIT_ALPHABET.includes(c))) return '统一社会信用代码含有不允许的字符';
  const sum = [...code.slice(0, 17)].reduce((s, c, i) => s + CREDIT_ALPHABET.indexOf(c) * CREDIT_WEIGHTS[i], 0);
  const check = CREDIT_ALPHABET[(31 - (sum % 31)) % 31];
  return check === code[17] ? null : '统一社会信用代码校验位不正确';
}

export function mobileProblem(raw) {
  const digits = raw.replace(/[\s-]/g, '').replace(/^\+?86/, '');
  return /^1[3-9]\d{9}$/.test(digits) ? null : '请填写有效的中国大陆手机号码（11位）';
}

function labelOf(input) {
  const label = document.querySelector(`label[for="${input.id}"]`);
  return label ? label.textContent.replace(/[*（(].*$/, '').trim() : '此项';
}

function problemOf(input) {
  const value = input.value;
  if (input.required && input.type === 'checkbox' && !input.checked) return '请勾选此项';
  if (input.required && !value.trim()) return `请填写${labelOf(input)}`;
  if (!value.trim()) return null;
  if (input.maxLength > 0 && value.length > input.maxLength) return `${labelOf(input)}不能超过 ${input.maxLength} 个字`;
  if (input.dataset.validate === 'credit-code') return creditCodeProblem(value);
  if (input.dataset.validate === 'mobile') return mobileProblem(value);
  if (input.type === 'email' && !/^[^@\s]+@[^@\s]+\.[A-Za-z]{2,}$/.test(value.trim())) return '请填写有效的电子邮箱';
  return null;
}

function showProblem(input, problem) {
  const field = input.closest('.field');
  if (!field) return;
  let message = field.querySelector('.field-error');
  if (problem) {
    if (!message) {
      message = document.createElement('p');
      message.className = 'field-error';
      message.id = `e-${input.name}`;
      input.before(message);
    }
    message.textContent = problem;
    field.classList.add('has-error');
    input.setAttribute('aria-invalid', 'true');
    input.setAttribute('aria-describedby', [message.id, input.getAttribute('aria-describedby')].filter(Boolean).join(' '));
  } else if (message) {
    message.remove();
    field.classList.remove('has-error');
    input.removeAttribute('aria-invalid');
  }
}

/** The summary above the form (the server's or ours), or null. */
function summaryOf(form) {
  return form.parentElement.querySelector('[data-error-summary]');
}

/**
 * Messages appear on submit only, and disappear as the person fixes a field (while typing or on
 * change), never on blur: a message that vanishes on blur moves the submit button between mousedown
 * and mouseup, and the first click is lost. The summary's count follows the fixes, and a form with
 * nothing left to fix shows no summary.
 */
export function initInlineValidation() {
  document.querySelectorAll('form[novalidate]').forEach((form) => {
    const inputs = [...form.querySelectorAll('input, textarea, select')].filter((i) => i.name && i.type !== 'hidden');
    const recheck = (input) => {
      const field = input.closest('.field');
      if (!field || !field.classList.contains('has-error') || problemOf(input)) return;
      showProblem(input, null);
      const summary = summaryOf(form);
      if (!summary) return;
      const left = inputs.filter((i) => i.closest('.field')?.classList.contains('has-error'));
      summary.querySelectorAll('li').forEach((li) => {
        const target = li.querySelector('a')?.getAttribute('href')?.slice(1);
        if (target && !left.some((i) => i.id === target || i.closest('.field')?.id === target)) li.remove();
      });
      const h = summary.querySelector('h2');
      if (left.length === 0) summary.remove();
      else if (h && /\d+/.test(h.textContent)) h.textContent = h.textContent.replace(/\d+/, String(left.length));
    };
    inputs.forEach((input) => {
      input.addEventListener('input', () => recheck(input));
      input.addEventListener('change', () => recheck(input));
    });
    form.addEventListener('submit', (event) => {
      const problems = inputs.map((i) => [i, problemOf(i)]).filter(([, p]) => p);
      inputs.forEach((i) => showProblem(i, problemOf(i)));
      if (problems.length === 0) {
        summaryOf(form)?.remove(); // nothing left to fix: no "请修改以下 N 处问题" while it is sent
        return;
      }
      event.preventDefault();
      let summary = summaryOf(form);
      if (!summary) {
        summary = document.createElement('div');
        summary.className = 'error-summary';
        summary.setAttribute('role', 'alert');
        summary.tabIndex = -1;
        summary.dataset.errorSummary = '';
        form.before(summary);
      }
      summary.replaceChildren();
      const h = document.createElement('h2');
      h.textContent = `请修改以下 ${problems.length} 处问题`;
      const ul = document.createElement('ul');
      problems.forEach(([input, p]) => {
        const li = document.createElement('li');
        const a = document.createElement('a');
        a.href = `#${input.id}`;
        a.textContent = p;
        li.appendChild(a);
        ul.appendChild(li);
      });
      summary.append(h, ul);
      summary.focus();
    });
  });
}

// ---------------------------------------------------------------- search page without reloads
export function initLiveSearch() {
  const main = document.querySelector('main');
  if (!main || !document.querySelector('.search-layout')) return;
  const load = async (href, push) => {
    main.setAttribute('aria-busy', 'true');
    try {
      const response = await fetch(href, { headers: { Accept: 'text/html' } });
      const doc = new DOMParser().parseFromString(await response.text(), 'text/html');
      const next = doc.querySelector('main');
      if (!next) return (window.location.href = href);
      main.replaceChildren(...next.childNodes);
      document.title = doc.title;
      if (push) history.pushState({}, '', href);
      initFacetDrawer();
      main.querySelector('[role=status]')?.focus();
    } catch {
      window.location.href = href;
    } finally {
      main.removeAttribute('aria-busy');
    }
  };
  main.addEventListener('click', (event) => {
    const link = event.target.closest('.facets a, .active-filters a, .pagination a, a[data-sort]');
    if (!link || event.ctrlKey || event.metaKey || event.shiftKey) return;
    event.preventDefault();
    load(link.href, true);
  });
  window.addEventListener('popstate', () => load(window.location.href, false));
}

/** On phones the facets become a drawer opened by a button. */
export function initFacetDrawer() {
  const facets = document.querySelector('.facets');
  if (!facets || facets.previousElementSibling?.classList.contains('facet-toggle')) return;
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'btn facet-toggle';
  button.textContent = '筛选条件';
  button.setAttribute('aria-expanded', 'false');
  button.setAttribute('aria-controls', 'facets');
  facets.id = 'facets';
  button.addEventListener('click', () => {
    const open = facets.classList.toggle('open');
    button.setAttribute('aria-expanded', String(open));
  });
  facets.before(button);
}

// ---------------------------------------------------------------- need form: answers before filing
export function initRelatedSuggestions() {
  const input = document.querySelector('[data-suggest-related]');
  if (!input) return;
  const box = input.parentElement.querySelector('.related-suggestions');
  let timer;
  input.addEventListener('input', () => {
    clearTimeout(timer);
    const q = input.value.trim();
    if (q.length < 2) {
      box.hidden = true;
      return;
    }
    timer = setTimeout(async () => {
      try {
        const response = await fetch(`/api/search?size=4&q=${encodeURIComponent(q)}`);
        if (!response.ok) return;
        const result = await response.json();
        box.replaceChildren();
        if (result.hits.length === 0) {
          box.hidden = true;
          return;
        }
        const p = document.createElement('p');
        p.textContent = '以下内容可能已经解答您的问题：';
        const ul = document.createElement('ul');
        result.hits.forEach((hit) => {
          const li = document.createElement('li');
          const a = document.createElement('a');
          a.href = hit.url;
          a.target = '_blank';
          a.rel = 'noopener';
          a.textContent = hit.title;
          li.appendChild(a);
          ul.appendChild(li);
        });
        box.append(p, ul);
        box.hidden = false;
      } catch {
        box.hidden = true;
      }
    }, 300);
  });
}

/** Reply templates: a button fills the text area. */
export function initFillButtons() {
  document.querySelectorAll('[data-fill]').forEach((button) => {
    button.addEventListener('click', () => {
      const target = document.getElementById(button.dataset.fill);
      target.value = button.dataset.text;
      target.focus();
    });
  });
}

// ---------------------------------------------------------------- unsaved edits
/**
 * While a form marked data-track-dirty has unsaved changes, forms marked data-needs-saved (status
 * changes on the staff content page) are refused with a message instead of throwing the edit away.
 * Without JavaScript the edit form's own "保存并发布" button saves first anyway.
 */
export function initDirtyGuard() {
  const tracked = document.querySelector('form[data-track-dirty]');
  const guarded = document.querySelectorAll('form[data-needs-saved]');
  if (!tracked || guarded.length === 0) return;
  const notice = document.getElementById('dirty-notice');
  let dirty = false;
  const mark = () => {
    dirty = true;
  };
  tracked.addEventListener('input', mark);
  tracked.addEventListener('change', mark);
  tracked.addEventListener('submit', () => {
    dirty = false;
  });
  guarded.forEach((form) => form.addEventListener('submit', (event) => {
    if (!dirty) return;
    event.preventDefault();
    if (notice) {
      notice.hidden = false;
      notice.tabIndex = -1;
      notice.focus();
    }
  }));
}
