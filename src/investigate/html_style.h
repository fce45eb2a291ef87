// The report page's stylesheet and table-sorting script, inline so the file
// stands alone.
#ifndef NEARMISS_INVESTIGATE_HTML_STYLE_H_
#define NEARMISS_INVESTIGATE_HTML_STYLE_H_

namespace nearmiss::investigate {

// Print (@media print): the page is laid out 1120 px wide (main's
// min-width), which Chromium's print shrinks to the paper's width (A4 or
// Letter, 10 mm margins: about 0.66, the scale the widest tables got
// before), the same for every report; the
// domains and senders tables ("counts") fit inside it with every column
// (issue-16 tester F3: their Last column was cut off the page, and the
// scale depended on how wide that table happened to be).
inline constexpr const char* kReportCss = R"css(
*{box-sizing:border-box}
body{margin:0;font:14px/1.45 -apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:#1f2d3d;background:#f3f5f8}
header{background:linear-gradient(135deg,#0b1f3a,#163a66);color:#fff;padding:28px 40px 24px}
header .kicker{font-size:12px;letter-spacing:.14em;text-transform:uppercase;opacity:.75}
header h1{margin:4px 0 6px;font-size:28px;font-weight:600}
header .meta{font-size:13px;opacity:.85}
header .badge{display:inline-block;margin-left:8px;padding:2px 8px;border-radius:10px;background:#c0392b;font-size:11px;letter-spacing:.08em;vertical-align:middle}
main{max-width:1240px;margin:0 auto;padding:24px 40px 40px}
.summary{font-size:15px;background:#fff;border-left:4px solid #c0392b;padding:14px 18px;margin:0 0 20px;border-radius:4px;box-shadow:0 1px 2px rgba(0,0,0,.06)}
.exec{background:#fff;border-top:4px solid #0b1f3a;padding:16px 20px;margin:0 0 20px;border-radius:4px;box-shadow:0 1px 2px rgba(0,0,0,.06)}
.incomplete{background:#fdecea;border:2px solid #c0392b;color:#7b241c;padding:8px 12px;border-radius:4px;font-size:15px;-webkit-print-color-adjust:exact;print-color-adjust:exact}
.exec .lead{font-size:16px;line-height:1.5}
table.exec th{text-align:left;vertical-align:top;width:11em;color:#5d6d7e;font-weight:600;cursor:default}
table.exec th:after{content:none}
.exec .small,.ulabel{color:#5d6d7e;font-size:12px}
.kpis{display:grid;grid-template-columns:repeat(4,1fr);gap:14px;margin-bottom:20px}
.kpi{background:#fff;border-radius:6px;padding:14px 16px;box-shadow:0 1px 2px rgba(0,0,0,.06)}
.kpi .n{font-size:28px;font-weight:650;color:#0b1f3a}
.kpi.alert .n{color:#c0392b}
.kpi .l{font-size:12px;color:#5d6d7e;text-transform:uppercase;letter-spacing:.06em}
.grid2{display:grid;grid-template-columns:3fr 2fr;gap:14px;margin-bottom:14px}
.grid2.even{grid-template-columns:1fr 1fr}
.card{background:#fff;border-radius:6px;padding:16px 18px;box-shadow:0 1px 2px rgba(0,0,0,.06);margin-bottom:14px}
.card h2{font-size:15px;margin:0 0 10px;color:#0b1f3a}
.card h2 small{font-weight:400;color:#7f8c8d;margin-left:6px}
.legend{font-size:12px;color:#5d6d7e;margin-top:4px}
.legend i{display:inline-block;width:10px;height:10px;border-radius:2px;margin:0 4px 0 12px;vertical-align:-1px}
svg.chart{width:100%;height:auto}
.donut-box{display:flex;flex-wrap:wrap;align-items:center;gap:8px 18px}
svg.donut{flex:0 0 160px;width:160px;height:160px}
.donut-legend{flex:1 1 200px;min-width:0;list-style:none;margin:0;padding:0;font-size:12.5px;color:#1f2d3d}
.donut-legend li{display:flex;align-items:baseline;gap:6px;margin:5px 0;overflow-wrap:anywhere;break-inside:avoid}
.donut-legend i{flex:0 0 12px;width:12px;height:12px;border-radius:2px;align-self:center;-webkit-print-color-adjust:exact;print-color-adjust:exact}
.donut-legend b{font-weight:650;white-space:nowrap}
svg .grid{stroke:#e5e8ec;stroke-width:1}
svg .axis{font-size:11px;fill:#7f8c8d}
svg .label{font-size:12.5px;fill:#1f2d3d}
svg .note{font-size:11px;fill:#7f8c8d}
svg .value{font-size:12px;fill:#1f2d3d;font-weight:600}
svg .track{fill:#f0f2f5}
svg .big{font-size:24px;font-weight:650;fill:#0b1f3a}
table{width:100%;border-collapse:collapse;font-size:13px}
th{text-align:left;font-weight:600;color:#5d6d7e;font-size:11.5px;text-transform:uppercase;letter-spacing:.04em;border-bottom:2px solid #e5e8ec;padding:7px 8px;cursor:pointer;user-select:none;white-space:nowrap}
th:after{content:" \2195";opacity:.3}
th.asc:after{content:" \2191";opacity:.9}
th.desc:after{content:" \2193";opacity:.9}
td{padding:6px 8px;border-bottom:1px solid #eef0f3;vertical-align:top}
td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
td.nowrap{white-space:nowrap}
tr:hover td{background:#f8fafc}
.tag{display:inline-block;padding:1px 7px;border-radius:9px;font-size:11px;font-weight:600}
.tag.lookalike{background:#fdecea;color:#a93226}
.tag.blocked{background:#2c3e50;color:#fff}
.tag.sent{background:#fdecea;color:#a93226}
.tag.bounced{background:#eef0f1;color:#566573}
.tag.in-sent-folder{background:#f4ecf7;color:#6c3483}
.tag.deferred,.tag.expired{background:#fdf2e0;color:#9a6b12}
.tag.discarded{background:#e8f1f8;color:#1f618d}
.tag.deleted{background:#e5e8e8;color:#1b2631}
code{font:12px/1.3 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}
.scroll{max-height:560px;overflow:auto}
footer{color:#7f8c8d;font-size:12px;padding:0 40px 30px;max-width:1240px;margin:0 auto}
table.pagebox{font-size:inherit;border-collapse:collapse;width:100%;table-layout:fixed}
table.pagebox>thead>tr>td,table.pagebox>tfoot>tr>td,table.pagebox>tbody>tr>td{padding:0;border:0;background:none}
.marking{text-align:center;font-weight:700;letter-spacing:.12em;background:#c0392b;color:#fff;padding:3px 0;font-size:13px;-webkit-print-color-adjust:exact;print-color-adjust:exact}
.marking-warning{margin-top:8px;font-size:13px;background:#fdf2e0;color:#7a5510;padding:4px 8px;border-radius:4px}
@page{margin:10mm 10mm}
table.pagebox.first{break-after:page;page-break-after:always}
@media screen{table.pagebox.first>tfoot,table.pagebox.rest>thead{display:none}}
.marking-foot{display:none}
@media print{.marking-foot{display:block;position:fixed;left:0;right:0;bottom:0}table.pagebox>tfoot .marking{visibility:hidden}}
td.addr,table.exec td{overflow-wrap:anywhere;word-break:break-word}
td.file{overflow-wrap:break-word;word-break:normal}
span.nowrap{white-space:nowrap}
@media print{table.read{table-layout:fixed;width:100%;font-size:11px}td.file{overflow-wrap:anywhere}}
@media print{table.pagebox.first main{padding:12px 0 0}table.deliveries{table-layout:fixed;font-size:10px}table.deliveries td,table.deliveries th{padding:4px 3px}table.deliveries code{font-size:9.5px}table.deliveries .tag{font-size:9px;padding:1px 4px}}
@media print{table.deliveries td,table.deliveries th{overflow-wrap:anywhere;word-break:break-word}table.exec{table-layout:fixed}}
td.sender,table.deliveries td.sender{overflow-wrap:break-word;word-break:normal}
@media print{table.deliveries td.sender{overflow-wrap:break-word;word-break:normal}}
@media print{main{min-width:1120px}table.counts{font-size:9.5px}table.counts th{font-size:8.5px;letter-spacing:0;padding:4px 3px}table.counts td{padding:4px 3px}table.counts code{font-size:9.5px}table.counts td.why{min-width:8em}table.counts td.addr{overflow-wrap:break-word;word-break:normal}small.screen{display:none}}
@media print{body{background:#fff}.card,.kpi,.summary{box-shadow:none;border:1px solid #ddd}.scroll{max-height:none;overflow:visible}th{white-space:normal}th:after{content:none}header{-webkit-print-color-adjust:exact;print-color-adjust:exact}}
)css";

// Click a header to sort its table; numbers by value, the rest as text.
inline constexpr const char* kReportJs = R"js(
document.querySelectorAll('table.sortable').forEach(function(t){
  t.querySelectorAll('th').forEach(function(th,i){
    th.addEventListener('click',function(){
      var asc=!th.classList.contains('asc');
      t.querySelectorAll('th').forEach(function(h){h.classList.remove('asc','desc')});
      th.classList.add(asc?'asc':'desc');
      var body=t.tBodies[0],rows=Array.prototype.slice.call(body.rows);
      rows.sort(function(a,b){
        var x=a.cells[i].getAttribute('data-v')||a.cells[i].textContent,
            y=b.cells[i].getAttribute('data-v')||b.cells[i].textContent;
        var nx=parseFloat(x),ny=parseFloat(y);
        var c=(!isNaN(nx)&&!isNaN(ny))?nx-ny:x.localeCompare(y);
        return asc?c:-c;});
      rows.forEach(function(r){body.appendChild(r)});
    });
  });
});
)js";

}  // namespace nearmiss::investigate

#endif  // NEARMISS_INVESTIGATE_HTML_STYLE_H_
