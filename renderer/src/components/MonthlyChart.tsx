import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { compactInr, money } from '../lib/format';

export interface MonthlyChartProps {
  /** Rupees (not paise): recharts scales plain numbers. */
  data: { month: string; sales: number; purchases: number }[];
  units: { lakh: string; crore: string };
  labels: { sales: string; purchases: string };
}

/** Bars are drawn at once (no grow-in animation): the numbers matter more than motion, and a
 * screenshot or print taken right after loading shows the real chart. */
export default function MonthlyChart({ data, units, labels }: MonthlyChartProps) {
  return (
    <div className="chart" data-testid="monthly-chart">
      <ResponsiveContainer width="100%" height={280}>
        <BarChart data={data} margin={{ top: 8, right: 16, left: 8, bottom: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#e5e9f0" />
          <XAxis dataKey="month" tick={{ fontSize: 12 }} />
          <YAxis
            tickFormatter={(v: number) => compactInr(v * 100, units)}
            tick={{ fontSize: 12 }}
            width={90}
          />
          <Tooltip formatter={(v) => money(Math.round(Number(v) * 100))} />
          <Legend />
          <Bar
            dataKey="sales"
            name={labels.sales}
            fill="#2563eb"
            radius={[3, 3, 0, 0]}
            isAnimationActive={false}
          />
          <Bar
            dataKey="purchases"
            name={labels.purchases}
            fill="#f59e0b"
            radius={[3, 3, 0, 0]}
            isAnimationActive={false}
          />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
