/**
 * 日本語の文言 (i18next)。用語は経済産業省の「サプライチェーン強化に向けたセキュリティ対策評価制度
 * (SCS評価制度)」と IPA の SECURITY ACTION の表記に合わせる: ★3 基本、★4 標準、★1/★2 は
 * SECURITY ACTION 一つ星/二つ星。取引先への要請は契約上の要請であり、法的義務ではない。
 */
import type { SectionTexts, Texts } from './en.ts';

export const ja: Texts & { sections: Record<string, SectionTexts> } = {
  report: {
    title: 'weaklink 分析結果',
    network_one: '{{count}}社',
    network_other: '{{count}}社',
    head: '{{companies}}、取引{{supplies}}件、{{tiers}}階層。重点企業: {{focal}}。未評価{{unassessed}}社 (スコア0として計算)。θ = {{theta}}、年間の被害発生確率 {{hit}} (仮定)。',
    none: '(なし)',
    loss: '予想年間損失額 {{loss}}/年: 各社の年間被害発生確率 × その会社が被害を受けたときの損失 (停止する各社の1日あたり売上{{ratio}} × 停止日数。停止期間の分布 {{durations}} — いずれも仮定)。',
    days: '{{days}}日 {{share}}',
    more: '… ほか{{count}}件の{{noun}} (--limit を付けなければ全件を表示します)',
    warnings: '警告 ({{count}}件)',
    criticalByCountry: '{{focal}}の重要取引先の国別内訳: {{countries}}',
    tiers: {
      tier: '階層',
      companies: '社数',
      byCount: '国 (社数比)',
      hhi: 'HHI',
      bySpend: '国 (取引額比)',
    },
    risk: {
      title: '年間損失 ({{how}}):',
      exact: '{{companies}}社の全{{outcomes}}通り (被害の組み合わせと停止期間のすべて) の厳密計算',
      monteCarlo: 'モンテカルロ法 {{runs}}回、シード {{seed}}',
      expected: ['予想年間損失額', '{{loss}}/年 (解析解: Σ 被害発生確率 × 1回の被害の予想損失)'],
      meanExact: ['分布の平均', '{{mean}}/年'],
      meanRuns: ['試行の平均', '{{mean}} ± {{error}}/年 (標準誤差)'],
      p95: ['「20年に1度」の年間損失', '{{loss}}/年 (95パーセンタイル)'],
      p99: ['「100年に1度」の年間損失', '{{loss}}/年 (99パーセンタイル)'],
      p995: ['「200年に1度」の年間損失', '{{loss}}/年 (99.5パーセンタイル)'],
      periods: '再現期間 (年間損失: その年の被害をすべて合計、最大の単一被害: その年で最悪の1件):',
      columns: ['再現期間', '超過確率', '年間損失', '最大の単一被害'],
      period: '{{years}}年に1度',
      perYear: '{{loss}}/年',
      perEvent: '{{loss}}/件',
      moreRuns: '({{runs}}年より長い再現期間には、より多くの試行が必要です)',
      duration_one: '{{count}}日 ({{share}})',
      duration_other: '{{count}}日 ({{share}})',
      assumptions:
        '仮定: 各社は年に最大1回、互いに独立に、確率 {{hit}} (s = 自社スコア) で被害を受ける。被害を受けると {{durations}} の期間停止し、停止1日あたり 売上 × {{ratio}} / 365 を失う。θ = {{theta}}。曲線は --format json と csv で出力されます。',
    },
    plan: {
      title_one: 'コスト分担計画: 予算 {{budget}}。取引先{{count}}社の対策に {{spent}} (一時費用)',
      title_other: 'コスト分担計画: 予算 {{budget}}。取引先{{count}}社の対策に {{spent}} (一時費用)',
      loss: '予想年間損失額 {{before}}/年 → {{after}}/年: 年 {{avoided}} の損失を回避 — {{headline}}',
      optimalExact: '最適な計画 (動的計画法による厳密解)',
      optimalAll: '最適な計画 (効果のある対策がすべて予算内に収まる)',
      within: '最適な計画との差 {{gap}} 以内 (貪欲法。予算内のどの計画も年 {{bound}} を超えては回避できない)',
      columns: [
        '#',
        '取引先',
        '★ 現状 → 目標',
        '費用 (円、一時)',
        '回避する予想年間損失 (円/年)',
        '回収倍率 (回避額 ÷ 費用)',
        '大口発注元の負担額 (円)',
      ],
      free: '費用なし',
      payback: '年 {{x}}倍',
      unallocated: '負担先なし (効果を受ける大口発注元がない)',
      more: '、ほか{{count}}社',
      targets: '目標 {{targets}}。★を1段階上げる費用 (0→1 … 4→5) は{{source}}。',
      costsFrom: ' {{file}} の値',
      costsAssumed:
        '仮定値: 中小企業 {{sme}}、大企業 {{large}} (README「Cost-sharing plan」)。自社の値は --costs FILE で指定できます',
    },
    scenario: {
      title_one: 'シナリオ: {{hit}} が{{count}}日間停止{{after}}',
      title_other: 'シナリオ: {{hit}} が{{count}}日間停止{{after}}',
      afterWhatIfs: ' ({{file}} の変更を適用した後)',
      summary:
        '{{stopped}}社が停止。停止社数のピークは{{day}}日目の{{down}}社。{{days}}日間の停止で失われる売上 {{loss}} (停止している各社について 売上 ÷ 365 /日)',
      keepsRunning: '重点企業 {{id}}: 停止しない',
      stops_one: '重点企業 {{id}}: {{day}}日目に停止し、{{count}}日間停止',
      stops_other: '重点企業 {{id}}: {{day}}日目に停止し、{{count}}日間停止',
      timeline: '推移',
      timelineColumns: ['日', '停止中', '停止', '復旧'],
      whatIf: '変更の効果: 予想年間損失額 {{before}} → {{after}}/年 ({{change}})',
      whatIfColumns: ['企業', '変更点', '実効スコア 変更前 → 後', 'リスク寄与額 (円/年) 変更前 → 後'],
      changes: '単一調達先: +{{ssAdded}} −{{ssRemoved}}、★の不足: +{{gapAdded}} −{{gapRemoved}}',
    },
    reason: {
      unassessed: '未評価 (スコア0)',
      own: '自社スコア {{score}}',
      none: '単独で被害を受けても停止する会社はない',
      stops_one: '被害を受けると{{count}}社が停止',
      stops_other: '被害を受けると{{count}}社が停止',
      focal: '。重点企業 {{list}}',
      focalDay: '{{id}}は{{day}}日目に停止',
      moreFocal_one: ' ほか重点企業{{count}}社',
      moreFocal_other: ' ほか重点企業{{count}}社',
    },
  },
  sections: {
    weakLinks: {
      heading: 'サプライチェーンの弱点 (リスク寄与額の上位{{shown}}社)',
      noun: '弱点',
      columns: ['#', '企業', '自社スコア', 'リスク寄与額 (円/年)', '1回の被害の損失 (円)', '理由'],
    },
    singleSources: {
      heading: '直接の単一調達先 ({{count}}件)',
      noun: '単一調達先',
      columns: ['発注元', '品目', '調達先', 'シェア'],
    },
    hiddenCriticalSuppliers: {
      heading: '隠れた重要取引先 ({{count}}社): 直接の単一調達先ではない単一障害点',
      noun: '隠れた重要取引先',
      columns: ['取引先', '停止する重点企業', '停止する会社数', '例'],
    },
    levelGaps: {
      heading: '★の不足 ({{count}}社): 求められる★が自社の★を上回る — 取引先と対策を相談してください',
      noun: '★の不足',
      columns: ['取引先', '自社の★', '求められる★', '求める発注元 (理由)'],
    },
    unassessed: {
      heading: '未評価の取引先 ({{count}}社): まずSCS評価 (★3 基本の自己評価) を依頼する先',
      noun: '未評価の取引先',
      columns: ['#', '取引先', '階層', 'リスク寄与額 (円/年)', '停止する会社数', '停止する重点企業'],
    },
    concentration: {
      heading: '集中度',
      noun: 'グループ',
      columns: ['発注元', '品目', 'HHI', '調達先 (シェア)'],
    },
  },
};
