// @vitest-environment happy-dom
/**
 * The company's assessments in the panel, over the real API client and a fake fetch
 * answering as the assessments API does (GET and POST /api/assessments): the rows with
 * their status, the default validity marked, nothing offered to a viewer; for an analyst
 * the form's request, the server's 400 shown by the field it names (and a refusal naming
 * no field above the form), and a recorded assessment's sentence and refresh.
 */
import { cleanup, fireEvent, render, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createApiClient } from '../../web/src/api-client.ts';
import type { Assessment, AssessmentList } from '../../web/src/assessments.ts';
import { assessmentBody } from '../../web/src/assessments.ts';
import { lang } from '../../web/src/i18n.ts';
import { fieldOf, initialDraft, recordAssessment } from '../../web/src/panel/assessment-record.ts';
import { Assessments, lastRecorded, type PanelAssessments } from '../../web/src/panel/Assessments.tsx';

afterEach(() => {
  cleanup();
  lastRecorded.value = null;
  lang.value = 'en';
});

const row = (over: Partial<Assessment>): Assessment => ({
  company: 'ota-springs',
  level: 3,
  method: 'expert',
  assessedOn: '2026-05-01',
  validUntil: '2027-04-30',
  validUntilGiven: true,
  evidence: 'IPA-SCS3-0120',
  status: 'valid',
  ...over,
});

const LIST: AssessmentList = {
  asOf: '2027-03-01',
  assessments: [
    row({ assessedOn: '2027-04-01', validUntil: '2028-03-31', validUntilGiven: false, status: 'not-yet' }),
    row({}),
    row({ level: 1, method: 'self', assessedOn: '2024-01-01', validUntil: '2025-12-31', status: 'lapsed' }),
  ],
};

type Answer = { status: number; body: unknown };

/** A fetch answering GET /api/assessments with LIST and POST with `post`; records the POST bodies. */
function fakeApi(post: Answer) {
  const posted: unknown[] = [];
  const fetch = (async (url: string, init?: RequestInit) => {
    const answer: Answer = init?.method === 'POST' ? post : { status: 200, body: LIST };
    if (init?.method === 'POST') posted.push(JSON.parse(String(init.body)));
    expect(url.startsWith('/api/assessments')).toBe(true);
    return new Response(JSON.stringify(answer.body), { status: answer.status });
  }) as typeof globalThis.fetch;
  return { api: createApiClient({ fetch }), posted };
}

function panel(ctx: PanelAssessments) {
  return render(<Assessments company="ota-springs" detail={{}} ctx={ctx} />);
}

describe('Assessments', () => {
  it("lists the company's assessments with their status, and offers a viewer no form", async () => {
    const { api } = fakeApi({ status: 500, body: {} });
    const view = panel({ api, canRecord: false, asOf: () => '2027-03-01', onRecorded: () => {} });
    await waitFor(() => expect(view.container.querySelectorAll('li.assessment')).toHaveLength(3));
    const items = [...view.container.querySelectorAll('li.assessment')];
    expect(items.map((li) => li.getAttribute('data-status'))).toEqual(['not-yet', 'valid', 'lapsed']);
    expect(items[0]!.textContent).toContain('not yet valid');
    expect(items[0]!.textContent).toContain('valid until 2028-03-31 (default validity)');
    expect(items[1]!.textContent).toContain('★3 valid expert-confirmed · assessed 2026-05-01 · valid until 2027-04-30');
    expect(items[1]!.textContent).toContain('IPA-SCS3-0120');
    expect(items[2]!.textContent).toContain('lapsed');
    expect(view.container.querySelector('h3')?.textContent).toBe('Assessments (3)');
    expect(view.container.querySelector('[data-action="record-assessment"]')).toBeNull();
  });

  it('shows the server’s 400 by the field it names, and nothing is recorded', async () => {
    const refusal = {
      status: 400,
      body: {
        error: { code: 'bad_request', message: 'validUntil must not be before assessedOn', field: 'validUntil' },
      },
    };
    const { api, posted } = fakeApi(refusal);
    const onRecorded = vi.fn();
    const view = panel({ api, canRecord: true, asOf: () => '2027-03-01', onRecorded });
    fireEvent.click(view.container.querySelector('[data-action="record-assessment"]')!);
    const form = view.container.querySelector('form.assessment-form')!;
    expect(view.container.querySelector<HTMLInputElement>('#assess-on')!.value).toBe('2027-03-01');
    fireEvent.change(view.container.querySelector('#assess-level')!, { target: { value: '4' } });
    fireEvent.change(view.container.querySelector('#assess-method')!, { target: { value: 'third-party' } });
    fireEvent.input(view.container.querySelector('#assess-until')!, { target: { value: '2026-01-01' } });
    fireEvent.submit(form);
    await waitFor(() => expect(view.container.querySelector('[data-field-error="validUntil"]')).not.toBeNull());
    expect(view.container.querySelector('[data-field-error="validUntil"]')!.textContent).toBe(
      'validUntil must not be before assessedOn',
    );
    expect(view.container.querySelector('#assess-until')!.getAttribute('aria-invalid')).toBe('true');
    // The message sits right after the field it names.
    expect(view.container.querySelector('#assess-until + [data-field-error]')).not.toBeNull();
    expect(posted).toEqual([
      { company: 'ota-springs', level: 4, method: 'third-party', assessedOn: '2027-03-01', validUntil: '2026-01-01' },
    ]);
    expect(onRecorded).not.toHaveBeenCalled();
  });

  it('a recorded assessment closes the form, says what was recorded and refreshes the analysis', async () => {
    const recorded = { version: 'v2', assessment: row({ assessedOn: '2027-03-01', validUntil: '2028-02-29' }) };
    const { api, posted } = fakeApi({ status: 201, body: recorded });
    const onRecorded = vi.fn();
    const view = panel({ api, canRecord: true, asOf: () => '2027-03-01', onRecorded });
    fireEvent.click(view.container.querySelector('[data-action="record-assessment"]')!);
    fireEvent.input(view.container.querySelector('#assess-evidence')!, { target: { value: '  IPA-SCS3-0300 ' } });
    fireEvent.submit(view.container.querySelector('form.assessment-form')!);
    await waitFor(() => expect(onRecorded).toHaveBeenCalledWith(recorded));
    expect(posted).toEqual([
      { company: 'ota-springs', level: 3, method: 'expert', assessedOn: '2027-03-01', evidence: 'IPA-SCS3-0300' },
    ]);
    expect(view.container.querySelector('form.assessment-form')).toBeNull();
    expect(view.container.querySelector('[role="status"]')?.textContent).toBe(
      'Recorded: ★3 (expert-confirmed), valid until 2028-02-29. The analysis is updated.',
    );
  });
});

describe('recordAssessment', () => {
  it('puts a refusal naming no form field above the form, and a 403 in words', async () => {
    const unknown = fakeApi({
      status: 400,
      body: { error: { code: 'bad_request', message: 'unknown company "x"', field: 'company' } },
    });
    expect(await recordAssessment(unknown.api, 'x', initialDraft('2027-03-01'))).toEqual({
      ok: false,
      field: null,
      message: 'unknown company "x"',
    });
    const forbidden = fakeApi({ status: 403, body: { error: { code: 'forbidden', message: 'analyst role needed' } } });
    lang.value = 'ja';
    const outcome = await recordAssessment(forbidden.api, 'x', initialDraft('2027-03-01'));
    expect(outcome).toMatchObject({
      ok: false,
      field: null,
      message: '評価を記録できるのはアナリストと管理者だけです。',
    });
  });

  it('fieldOf reads a nested field; assessmentBody leaves out empty optional fields', () => {
    expect([fieldOf('body.level'), fieldOf('assessedOn'), fieldOf('company'), fieldOf(null)]).toEqual([
      'level',
      'assessedOn',
      null,
      null,
    ]);
    expect(
      assessmentBody('a', { level: '5', method: '', assessedOn: ' 2027-01-01 ', validUntil: ' ', evidence: '' }),
    ).toEqual({ company: 'a', level: 5, assessedOn: '2027-01-01' });
  });
});
