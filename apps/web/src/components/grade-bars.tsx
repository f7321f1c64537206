import { Bar, BarChart, CartesianGrid, Cell, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { GRADE_COLORS } from './chart-kit.tsx';

export interface TGradeBar {
  grade: string;
  label: string;
  staff: number;
}

/** People per grade, each bar in its grade's colour: the quarter's and the year's distribution. */
export function GradeBars({
  rows,
  name,
  marginTop = 8,
}: {
  rows: readonly TGradeBar[];
  name: string;
  marginTop?: number;
}) {
  return (
    <ResponsiveContainer>
      <BarChart data={[...rows]} margin={{ top: marginTop, right: 8, bottom: 0, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="label" />
        <YAxis allowDecimals={false} width={36} />
        <Tooltip />
        <Bar dataKey="staff" name={name} isAnimationActive={false} label={{ position: 'top' }}>
          {rows.map((row) => (
            <Cell key={row.grade} fill={GRADE_COLORS[row.grade]} />
          ))}
        </Bar>
      </BarChart>
    </ResponsiveContainer>
  );
}
