using System.Globalization;
using Microsoft.AspNetCore.Http;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace BizSuite.Kernel;

/// <summary>The language a document is printed in: <c>?lang=zh-CN|en</c>, else the request's language.</summary>
public enum DocumentLanguage { Chinese, English }

public static class DocumentLanguages
{
    /// <summary>An unknown <paramref name="lang"/> is a 400 on the field <c>lang</c>.</summary>
    public static DocumentLanguage Parse(string? lang) => (lang ?? CultureInfo.CurrentUICulture.Name) switch
    {
        var l when l.StartsWith("zh", StringComparison.OrdinalIgnoreCase) => DocumentLanguage.Chinese,
        var l when l.StartsWith("en", StringComparison.OrdinalIgnoreCase) => DocumentLanguage.English,
        var l => throw new BusinessException(KernelErrors.UnknownDocumentLanguage, StatusCodes.Status400BadRequest, l) { Field = "lang" },
    };
}

/// <summary>
/// The one renderer of printed documents (PDF, A4): every module lays its documents out with <see cref="DocumentPdf"/>
/// from here, so fonts, page frame and tables look and behave the same everywhere.
/// </summary>
public sealed class DocumentRenderer
{
    private DocumentRenderer(string family) => Family = family;

    internal string Family { get; }

    /// <summary>Checks the font while the host starts: a host without it stops with a message naming the package to install.</summary>
    internal static DocumentRenderer Create(DocumentOptions options) => new(DocumentFonts.Register(options.FontPath));

    /// <summary>The font face documents embed, to check which characters it covers.</summary>
    public byte[] FontFace => DocumentFonts.Face(Family);

    public DocumentPdf Start(CompanyProfile company, DocumentLanguage language, string title, string number) =>
        new(Family, company, language, title, number);
}

public enum CellAlign { Left, Center, Right }

/// <summary>A party to a document (buyer, seller) as its block prints it: 名称, 纳税人识别号, 地址、电话, 开户行及账号.</summary>
public sealed record Party(string Name, string? TaxpayerId, string? AddressAndPhone, string? BankAndAccount);

/// <summary>A table column: its share of the width and how its cells align.</summary>
public sealed record Column(double Width, CellAlign Align = CellAlign.Left);

/// <summary>A table cell; it may span several columns. A plain string is a cell in its column's alignment; a cell spanning
/// several columns (a label or running text) aligns left unless told.</summary>
public sealed record Cell(string Text, int Span = 1, bool Bold = false, CellAlign? Align = null, bool Shaded = false)
{
    public static implicit operator Cell(string text) => new(text);
}

/// <summary>
/// A table that breaks across pages: rows never split, and the header rows are drawn again at the top of each page.
/// Without <see cref="Grid"/> it lays out label/value blocks without lines.
/// </summary>
public sealed class Table(params Column[] columns)
{
    internal IReadOnlyList<Column> Columns { get; } = columns;
    internal List<Cell[]> HeaderRows { get; } = [];
    internal List<Cell[]> Rows { get; } = [];
    public bool Grid { get; init; } = true;

    /// <summary>A header row: bold, shaded, repeated on every page the table reaches.</summary>
    public Table Header(params Cell[] cells)
    {
        HeaderRows.Add(cells.Select(c => c with { Bold = true, Shaded = true, Align = c.Align ?? CellAlign.Center }).ToArray());
        return this;
    }

    public Table Row(params Cell[] cells)
    {
        if (cells.Sum(c => c.Span) != Columns.Count)
            throw new ArgumentException($"A row spans {cells.Sum(c => c.Span)} columns of {Columns.Count}.", nameof(cells));
        Rows.Add(cells);
        return this;
    }
}

/// <summary>
/// One document being laid out top to bottom. Every page carries the company's header (name, address and phone,
/// taxpayer id) and a footer with the document's title, number and "第 1 页 / 共 2 页" (or "Page 1 of 2"), drawn
/// once the page count is known. Text wraps at spaces, or between any two Chinese characters.
/// </summary>
public sealed class DocumentPdf : IDisposable
{
    private const double Margin = 42, Top = 36, Bottom = 806, Padding = 3;
    private static readonly XColor Ink = XColor.FromArgb(0x1f, 0x1f, 0x1f), Muted = XColor.FromArgb(0x5f, 0x5f, 0x5f);
    private static readonly XPen Rule = new(XColor.FromArgb(0x80, 0x80, 0x80), 0.6);
    private static readonly XBrush Shade = new XSolidBrush(XColor.FromArgb(0xee, 0xee, 0xee));

    private readonly PdfDocument _document = new();
    private readonly CompanyProfile _company;
    private readonly string _title, _number;
    private readonly XFont _normal, _bold, _small, _heading, _companyName;
    private XGraphics? _page;
    private double _y;

    internal DocumentPdf(string family, CompanyProfile company, DocumentLanguage language, string title, string number)
    {
        Language = language;
        _company = company;
        _title = title;
        _number = number;
        _normal = new XFont(family, 9);
        _bold = new XFont(family, 9, XFontStyleEx.Bold);
        _small = new XFont(family, 7.5);
        _heading = new XFont(family, 17, XFontStyleEx.Bold);
        _companyName = new XFont(family, 12, XFontStyleEx.Bold);
        _document.Info.Title = $"{title} {number}";
        _document.Info.Author = company.Name;
        _document.Info.Creator = "BizSuite";
        NewPage();
    }

    public DocumentLanguage Language { get; }

    public bool Chinese => Language == DocumentLanguage.Chinese;

    /// <summary>The text in the document's language.</summary>
    public string T(string chinese, string english) => Chinese ? chinese : english;

    public static string Amount(decimal amount) => amount.ToString("#,##0.00", CultureInfo.InvariantCulture);

    /// <summary>An amount with its currency: ¥ for yuan, else the ISO code before it.</summary>
    public static string Amount(decimal amount, string currency) => (currency == "CNY" ? "¥" : currency + " ") + Amount(amount);

    public string Date(DateOnly date) => Chinese ? date.ToString("yyyy年MM月dd日", CultureInfo.InvariantCulture) : date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Rate(decimal rate) => (rate * 100).ToString("0.##", CultureInfo.InvariantCulture) + "%";

    public static string Quantity(decimal quantity) => quantity.ToString("0.####", CultureInfo.InvariantCulture);

    private double Width => _document.Pages[0].Width.Point - 2 * Margin;

    /// <summary>The document's title, centred, with an optional note below it (e.g. what the document is not).</summary>
    public void Heading(string title, string? note = null)
    {
        EnsureRoom(40);
        _page!.DrawString(title, _heading, new XSolidBrush(Ink), new XRect(Margin, _y, Width, 22), XStringFormats.TopCenter);
        _y += 26;
        if (note is not null)
        {
            foreach (var line in Wrap(note, _small, Width))
            {
                _page.DrawString(line, _small, new XSolidBrush(Muted), new XRect(Margin, _y, Width, 10), XStringFormats.TopCenter);
                _y += 10;
            }
        }
        _y += 8;
    }

    /// <summary>A paragraph of running text; <paramref name="small"/> for notes in grey.</summary>
    public void Text(string text, bool small = false)
    {
        var font = small ? _small : _normal;
        foreach (var line in Wrap(text, font, Width))
        {
            var height = LineHeight(font);
            EnsureRoom(height);
            _page!.DrawString(line, font, new XSolidBrush(small ? Muted : Ink), new XRect(Margin, _y, Width, height), XStringFormats.TopLeft);
            _y += height;
        }
        _y += 4;
    }

    public void Gap(double points = 8) => _y = Math.Min(_y + points, Bottom);

    /// <summary>Two parties side by side, each under its heading, in the order Chinese invoices and contracts print them.</summary>
    public void Parties(string firstHeading, Party first, string secondHeading, Party second)
    {
        var table = new Table(new Column(1.2), new Column(3), new Column(1.2), new Column(3)).Header(new Cell(firstHeading, 2), new Cell(secondHeading, 2));
        foreach (var (label, value) in new (string, Func<Party, string?>)[]
        {
            (T("名称", "Name"), p => p.Name), (T("纳税人识别号", "Taxpayer ID"), p => p.TaxpayerId),
            (T("地址、电话", "Address, phone"), p => p.AddressAndPhone), (T("开户行及账号", "Bank, account"), p => p.BankAndAccount),
        })
            table.Row(label, value(first) ?? "", label, value(second) ?? "");
        Draw(table);
    }

    public void Draw(Table table)
    {
        var total = table.Columns.Sum(c => c.Width);
        var widths = table.Columns.Select(c => c.Width / total * Width).ToArray();
        var header = table.HeaderRows.Select(r => Measure(table, widths, r)).ToList();
        var headerHeight = header.Sum(r => r.Height);
        var first = true;
        foreach (var row in table.Rows.Select(r => Measure(table, widths, r)))
        {
            // The header stays with the first row; a page break repeats it.
            if (first || _y + row.Height > Bottom)
            {
                if (_y + headerHeight + row.Height > Bottom) NewPage();
                foreach (var h in header) DrawRow(table, widths, h);
                first = false;
            }
            DrawRow(table, widths, row);
        }
        _y += 6;
    }

    public byte[] ToPdf()
    {
        _page?.Dispose();
        _page = null;
        var count = _document.PageCount;
        for (var i = 0; i < count; i++)
        {
            var page = _document.Pages[i];
            using var gfx = XGraphics.FromPdfPage(page, XGraphicsPdfPageOptions.Append);
            var y = page.Height.Point - 26;
            var brush = new XSolidBrush(Muted);
            gfx.DrawLine(Rule, Margin, y - 4, page.Width.Point - Margin, y - 4);
            gfx.DrawString($"{_title} {_number}", _small, brush, new XRect(Margin, y, Width, 10), XStringFormats.TopLeft);
            gfx.DrawString(T($"第 {i + 1} 页 / 共 {count} 页", $"Page {i + 1} of {count}"), _small, brush, new XRect(Margin, y, Width, 10), XStringFormats.TopCenter);
            gfx.DrawString(_company.Name, _small, brush, new XRect(Margin, y, Width, 10), XStringFormats.TopRight);
        }
        using var stream = new MemoryStream();
        _document.Save(stream);
        return stream.ToArray();
    }

    public void Dispose()
    {
        _page?.Dispose();
        _document.Dispose();
    }

    private sealed record MeasuredRow(Cell[] Cells, List<string>[] Lines, double Height);

    private MeasuredRow Measure(Table table, double[] widths, Cell[] cells)
    {
        var lines = new List<string>[cells.Length];
        var column = 0;
        for (var i = 0; i < cells.Length; i++)
        {
            var width = widths.Skip(column).Take(cells[i].Span).Sum() - 2 * Padding;
            lines[i] = Wrap(cells[i].Text, cells[i].Bold ? _bold : _normal, width);
            column += cells[i].Span;
        }
        var height = Math.Max(1, lines.Max(l => l.Count)) * LineHeight(_normal) + 2 * Padding;
        return new MeasuredRow(cells, lines, height);
    }

    private void DrawRow(Table table, double[] widths, MeasuredRow row)
    {
        var x = Margin;
        var column = 0;
        for (var i = 0; i < row.Cells.Length; i++)
        {
            var cell = row.Cells[i];
            var width = widths.Skip(column).Take(cell.Span).Sum();
            var rect = new XRect(x, _y, width, row.Height);
            if (cell.Shaded) _page!.DrawRectangle(Shade, rect);
            if (table.Grid) _page!.DrawRectangle(Rule, rect);
            var font = cell.Bold ? _bold : _normal;
            var align = cell.Align ?? (cell.Span > 1 ? CellAlign.Left : table.Columns[column].Align);
            var format = align switch { CellAlign.Right => XStringFormats.TopRight, CellAlign.Center => XStringFormats.TopCenter, _ => XStringFormats.TopLeft };
            var lineY = _y + Padding;
            foreach (var line in row.Lines[i])
            {
                _page!.DrawString(line, font, new XSolidBrush(Ink), new XRect(x + Padding, lineY, width - 2 * Padding, LineHeight(font)), format);
                lineY += LineHeight(font);
            }
            x += width;
            column += cell.Span;
        }
        _y += row.Height;
    }

    private static double LineHeight(XFont font) => font.Size * 1.45;

    private void EnsureRoom(double height)
    {
        if (_y + height > Bottom) NewPage();
    }

    /// <summary>A new page with the company header: name, then address, phone and taxpayer id in small grey type, then a rule.</summary>
    private void NewPage()
    {
        _page?.Dispose();
        var page = _document.AddPage();
        page.Size = PdfSharp.PageSize.A4;
        _page = XGraphics.FromPdfPage(page);
        _y = Top;
        _page.DrawString(_company.Name, _companyName, new XSolidBrush(Ink), new XRect(Margin, _y, Width, 16), XStringFormats.TopLeft);
        _page.DrawString($"{_title} {_number}", _small, new XSolidBrush(Muted), new XRect(Margin, _y + 4, Width, 10), XStringFormats.TopRight);
        _y += 18;
        var details = string.Join("    ", new[]
        {
            _company.AddressAndPhone,
            _company.TaxpayerId.Length > 0 ? $"{T("纳税人识别号", "Taxpayer ID")}: {_company.TaxpayerId}" : "",
        }.Where(s => s.Length > 0));
        if (details.Length > 0)
        {
            _page.DrawString(details, _small, new XSolidBrush(Muted), new XRect(Margin, _y, Width, 10), XStringFormats.TopLeft);
            _y += 11;
        }
        _page.DrawLine(Rule, Margin, _y + 2, Margin + Width, _y + 2);
        _y += 14;
    }

    /// <summary>
    /// Breaks text into lines no wider than <paramref name="width"/>: at spaces between Latin words, and between any
    /// two Chinese characters (no spaces there); a word wider than the line is cut where it must be.
    /// </summary>
    private List<string> Wrap(string text, XFont font, double width)
    {
        var lines = new List<string>();
        foreach (var paragraph in text.Replace("\r", "").Split('\n'))
        {
            var line = "";
            foreach (var token in Tokens(paragraph))
            {
                var candidate = line + token;
                if (line.Length == 0 || Fits(candidate.TrimEnd()))
                {
                    line = line.Length == 0 ? token.TrimStart() : candidate;
                    if (!Fits(line.TrimEnd())) line = Cut(line, lines);
                    continue;
                }
                lines.Add(line.TrimEnd());
                line = token.TrimStart();
                if (!Fits(line)) line = Cut(line, lines);
            }
            lines.Add(line.TrimEnd());
        }
        return lines;

        bool Fits(string s) => _page!.MeasureString(s, font).Width <= width;

        // Moves all but the last part of an over-long word onto lines of their own, character by character.
        string Cut(string word, List<string> into)
        {
            var part = "";
            foreach (var c in word)
            {
                if (part.Length > 0 && !Fits(part + c))
                {
                    into.Add(part);
                    part = "";
                }
                part += c;
            }
            return part;
        }
    }

    /// <summary>Units that stay on one line: a Latin word with the spaces before it, or a single Chinese character.</summary>
    private static IEnumerable<string> Tokens(string text)
    {
        var token = "";
        foreach (var c in text)
        {
            var breaksAnywhere = c >= '\u2E80';
            if (breaksAnywhere || (c == ' ' && token.Length > 0 && token[^1] != ' '))
            {
                if (token.Length > 0) yield return token;
                token = "";
            }
            token += c;
            if (breaksAnywhere)
            {
                yield return token;
                token = "";
            }
        }
        if (token.Length > 0) yield return token;
    }
}
