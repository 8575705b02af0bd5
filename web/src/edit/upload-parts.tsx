/**
 * The parts of the upload dialog: the columns each CSV file takes (ColumnHelp) and the
 * located issues of a refused upload or the warnings of a loaded one (IssueTable: file,
 * line, column, field, message; the first 200, then how many more).
 *
 * @example
 *   <IssueTable issues={failure.issues} />
 */
import { t } from '../i18n.ts';
import { Fragment } from 'preact';
import type { ApiIssue } from '../../../src/contract/api-types.ts';
import { formatNumber } from '../format.ts';
import { issueCells, UPLOAD_COLUMNS } from './upload-text.ts';

const ISSUE_LIMIT = 200;

export function ColumnHelp() {
  return (
    <details class="upload-columns">
      <summary>{t('web.upload.columns')}</summary>
      <p class="muted">{t('web.upload.formats')}</p>
      {(['companies', 'supplies'] as const).map((file) => (
        <div key={file}>
          <h4>{`${file}.csv`}</h4>
          <dl class="upload-column-list">
            {UPLOAD_COLUMNS[file].map((col) => (
              <Fragment key={col.name}>
                <dt class={col.required ? 'required' : ''}>
                  <code>{col.name}</code>
                </dt>
                <dd>{col.meaning}</dd>
              </Fragment>
            ))}
          </dl>
        </div>
      ))}
    </details>
  );
}

export function IssueTable({ issues }: { issues: ApiIssue[] }) {
  const shown = issues.slice(0, ISSUE_LIMIT);
  return (
    <div class="upload-issues">
      <table class="compact">
        <thead>
          <tr>
            <th>{t('web.upload.file')}</th>
            <th class="num">{t('web.upload.line')}</th>
            <th class="num">{t('web.upload.column')}</th>
            <th>{t('web.upload.field')}</th>
            <th>{t('web.upload.message')}</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((issue, i) => {
            const cells = issueCells(issue);
            return (
              <tr key={i} class={`issue ${issue.severity}`}>
                <td>{cells.file}</td>
                <td class="num">{cells.line}</td>
                <td class="num">{cells.column}</td>
                <td>{cells.field}</td>
                <td>{issue.message}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {issues.length > shown.length && (
        <p class="muted">{t('web.panel.more', { n: formatNumber(issues.length - shown.length) })}</p>
      )}
    </div>
  );
}
