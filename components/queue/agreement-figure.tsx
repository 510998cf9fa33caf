// Agreement between the two blind reviewers (decision 031): a bar of agreed and disagreed claims, the
// sentence that says it in words, and the numbers as a table (the chart's text alternative).
import { describeAgreement, type Agreement } from '@/lib/agreement/kappa';
import { BarChart, ChartFigure } from './charts';

export function AgreementFigure({ figures, title }: { figures: Agreement; title: string }) {
  const { n, agreed, rate, kappa } = figures;
  return (
    <ChartFigure
      title={title}
      chart={n ? <BarChart label="agreement" rows={[{ label: 'Agreed', value: agreed, fill: '#1d6b3a' }, { label: 'Disagreed', value: n - agreed, fill: '#a11d1d' }]} /> : null}
    >
      <p data-testid="agreement-text">{describeAgreement(figures)}</p>
      {n ? (
        <table className="articles" data-testid="agreement-table">
          <thead><tr><th>Double-checked claims</th><th>Agreed</th><th>Agreement rate</th><th>Cohen&apos;s kappa</th></tr></thead>
          <tbody>
            <tr>
              <td>{n}</td><td>{agreed}</td><td>{Math.round((rate ?? 0) * 100)} %</td>
              <td>{kappa === null ? 'not defined (one rating throughout)' : kappa.toFixed(2)}</td>
            </tr>
          </tbody>
        </table>
      ) : null}
    </ChartFigure>
  );
}
