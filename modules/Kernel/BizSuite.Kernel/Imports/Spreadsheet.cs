using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;
using MiniExcelLibs;
using MiniExcelLibs.Csv;

namespace BizSuite.Kernel;

/// <summary>A sheet as text: the header row and the data rows, each with its row number as Excel shows it (header = 1).</summary>
public sealed record Spreadsheet(IReadOnlyList<string> Headers, IReadOnlyList<SpreadsheetRow> Rows)
{
    public const long MaxBytes = 5 * 1024 * 1024;
    public const int MaxRows = 5_000;

    static Spreadsheet() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>
    /// Reads an .xlsx (recognised by its zip signature) or a CSV: UTF-8 with or without BOM, or GB18030
    /// as Excel in Chinese saves "CSV" (anything that is not valid UTF-8 is taken as GB18030, a superset of GBK).
    /// Blank rows are dropped; too big a file or too many rows is a 400.
    /// </summary>
    public static Spreadsheet Read(IFormFile file)
    {
        if (file.Length > MaxBytes) throw TooLarge();
        using var buffer = new MemoryStream();
        file.CopyTo(buffer);
        var bytes = buffer.ToArray();
        var isXlsx = bytes.Length > 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4;
        using var stream = isXlsx ? new MemoryStream(bytes) : new MemoryStream(Encoding.UTF8.GetBytes(DecodeText(bytes)));
        try
        {
            return Parse(isXlsx
                ? stream.Query(useHeaderRow: false, excelType: ExcelType.XLSX)
                : stream.Query(useHeaderRow: false, excelType: ExcelType.CSV, configuration: new CsvConfiguration { ReadEmptyStringAsNull = true }));
        }
        catch (Exception e) when (e is not BusinessException)
        {
            // A damaged workbook or another kind of file renamed .xlsx: the user's mistake, not a bug.
            throw new BusinessException(KernelErrors.ImportUnreadable, StatusCodes.Status400BadRequest) { Field = "file" };
        }
    }

    private static Spreadsheet Parse(IEnumerable<dynamic> lines)
    {
        var rows = new List<SpreadsheetRow>();
        IReadOnlyList<string>? headers = null;
        var number = 0;
        foreach (IDictionary<string, object?> line in lines)
        {
            number++;
            var cells = line.Values.Select(Text).ToArray();
            if (headers is null)
            {
                headers = cells.Select(c => c ?? "").ToArray();
                continue;
            }
            if (cells.All(c => c is null)) continue;
            if (rows.Count == MaxRows) throw TooLarge();
            rows.Add(new SpreadsheetRow(number, cells));
        }
        return new Spreadsheet(headers ?? [], rows);
    }

    private static string DecodeText(byte[] bytes)
    {
        if (bytes is [0xEF, 0xBB, 0xBF, ..]) return Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return Encoding.GetEncoding("GB18030").GetString(bytes);
        }
    }

    /// <summary>A cell as the user sees it: numbers without exponent or grouping, dates as yyyy-MM-dd.</summary>
    private static string? Text(object? value)
    {
        var text = value switch
        {
            null => null,
            DateTime d => d.TimeOfDay == TimeSpan.Zero ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : d.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString(),
        };
        return string.IsNullOrWhiteSpace(text) ? null : text.Trim();
    }

    private static BusinessException TooLarge() =>
        new(KernelErrors.ImportTooLarge, StatusCodes.Status400BadRequest, MaxBytes / 1024 / 1024, MaxRows) { Field = "file" };
}

public sealed record SpreadsheetRow(int Number, IReadOnlyList<string?> Cells);
