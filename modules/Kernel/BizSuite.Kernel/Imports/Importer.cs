using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using FluentValidation;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace BizSuite.Kernel;

/// <summary>
/// A column of an import file, named by the request field it fills (camelCase). Its header may be the field name,
/// its <c>Field:{Field}</c> text in any language, or one of the aliases ("客户名称", "Customer name").
/// </summary>
public sealed record ImportColumn(string Field, bool Required = false, params string[] Aliases)
{
    public string LabelKey => "Field:" + char.ToUpperInvariant(Field[0]) + Field[1..];

    /// <summary>The header in the caller's language: a custom field's own label, else the field's text.</summary>
    public string? Label { get; init; }

    public string Header(JsonStringLocalizer l) => Label ?? l[LabelKey].Value;

    /// <summary>A custom field's column: <c>customFields.{key}</c>, headed by its label, found by either language's label.</summary>
    public static ImportColumn For(FieldSpec field) =>
        new($"{FieldValues.CustomFieldsPrefix}.{field.Key}", field.Required, field.LabelZh, field.LabelEn, field.Key)
            { Label = field.Label(CultureInfo.CurrentUICulture) };

    /// <summary>Which cell holds each column; unknown headers are ignored, a missing required column is a 400.</summary>
    internal static Dictionary<string, int> Map(IReadOnlyList<string> headers, IReadOnlyList<ImportColumn> columns, JsonStringLocalizer l)
    {
        var index = new Dictionary<string, int>();
        for (var i = 0; i < headers.Count; i++)
        {
            var header = Normalize(headers[i]);
            var column = columns.FirstOrDefault(c => c.Names(l).Any(n => Normalize(n) == header));
            if (column is not null) index.TryAdd(column.Field, i);
        }
        var missing = columns.FirstOrDefault(c => c.Required && !index.ContainsKey(c.Field));
        if (missing is not null)
            throw new BusinessException(KernelErrors.ImportMissingColumn, StatusCodes.Status400BadRequest, missing.Header(l)) { Field = "file" };
        return index;
    }

    private IEnumerable<string> Names(JsonStringLocalizer l) =>
        JsonStringLocalizer.Cultures.Select(c => l.Texts(c).GetValueOrDefault(LabelKey)).OfType<string>().Append(Field).Concat(Aliases);

    /// <summary>Headers compare without case, spaces and the '*' a template puts on required columns.</summary>
    private static string Normalize(string header) =>
        new string(header.Where(ch => !char.IsWhiteSpace(ch) && ch != '*').ToArray()).ToLowerInvariant();
}

/// <summary>One data row of an import: its cells by field, typed readers, and the errors found so far.</summary>
public sealed class ImportRow
{
    private readonly Dictionary<string, List<string>> _errors = [];
    private readonly JsonStringLocalizer _l;

    internal ImportRow(int number, Dictionary<string, string?> values, JsonStringLocalizer l)
    {
        Number = number;
        Values = values;
        _l = l;
    }

    public int Number { get; }
    public IReadOnlyDictionary<string, string?> Values { get; }
    public IReadOnlyDictionary<string, List<string>> Errors => _errors;

    public string? Text(string field) => Values.GetValueOrDefault(field);

    public decimal Decimal(string field) => Read(field, 0m, t => decimal.TryParse(t.TrimEnd('%'), NumberStyles.Number, CultureInfo.InvariantCulture, out var v) ? v : null);

    public DateOnly Date(string field) => Read(field, default(DateOnly), t =>
        DateOnly.TryParse(t.Split(' ')[0].Replace('/', '-').Replace('.', '-'), CultureInfo.InvariantCulture, out var v) ? v : null);

    public bool Bool(string field) => Read(field, false, t => t.ToLowerInvariant() switch
    {
        "true" or "yes" or "y" or "1" or "是" or "√" => true,
        "false" or "no" or "n" or "0" or "否" => (bool?)false,
        _ => null,
    });

    /// <summary>An enum by its name or its <c>Enum:{Type}.{Value}</c> text in any language (产品 / Product).</summary>
    public T Enum<T>(string field, T fallback) where T : struct, Enum => Read(field, fallback, t =>
        System.Enum.GetValues<T>().Select(v => (T?)v).FirstOrDefault(v =>
            string.Equals(v.ToString(), t, StringComparison.OrdinalIgnoreCase) ||
            JsonStringLocalizer.Cultures.Any(c => _l.Texts(c).GetValueOrDefault($"Enum:{typeof(T).Name}.{v}") == t)));

    public void AddError(string field, string code, params object[] args) => AddMessage(field, _l[code, args].Value);

    /// <summary>Runs a domain rule (usually the aggregate's factory on the parsed request): its objection becomes the row's error.</summary>
    public void Check(Action rule)
    {
        try
        {
            rule();
        }
        catch (BusinessException e)
        {
            AddError(e.Field ?? "row", e.Code, e.Args);
        }
    }

    internal void AddMessage(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list)) _errors[field] = list = [];
        if (!list.Contains(message)) list.Add(message);
    }

    private TValue Read<TValue>(string field, TValue fallback, Func<string, TValue?> parse) where TValue : struct
    {
        if (Text(field) is not { } text) return fallback;
        if (parse(text) is { } value) return value;
        AddError(field, KernelErrors.ImportBadValue, text);
        return fallback;
    }
}

public sealed record ImportColumnDto(string Field, string Header, bool Required);

public sealed record ImportRowDto(int Row, IReadOnlyDictionary<string, string?> Values, IReadOnlyDictionary<string, List<string>> Errors);

public sealed record ImportPreview(IReadOnlyList<ImportColumnDto> Columns, IReadOnlyList<ImportRowDto> Rows, int ValidCount, int ErrorCount);

public sealed record ImportResult(int Imported);

/// <summary>What the kernel's import endpoints need of an entity's importer.</summary>
public interface IImporter
{
    string Name { get; }
    IReadOnlyList<ImportColumn> Columns { get; }
    /// <summary><see cref="Columns"/> and a column per active custom field of the entity, when it takes them.</summary>
    Task<IReadOnlyList<ImportColumn>> AllColumnsAsync(IServiceProvider services, CancellationToken ct);
    Task<ImportPreview> PreviewAsync(Spreadsheet sheet, IServiceProvider services, CancellationToken ct);
    /// <summary>Creates every row, or none when the preview finds an error (the preview is returned then).</summary>
    Task<ImportPreview> ImportAsync(Spreadsheet sheet, IServiceProvider services, CancellationToken ct);
}

/// <summary>
/// An entity's import: rows become the module's create request, are checked by its validator and the module's
/// rules (duplicates in the file and the database, references by name), and are created through the module's own
/// service so that numbering, encryption, events and audit work as for a record entered by hand.
/// </summary>
public abstract class Importer<TRequest> : IImporter where TRequest : class
{
    public abstract string Name { get; }
    public abstract IReadOnlyList<ImportColumn> Columns { get; }

    /// <summary>The kind of record whose custom fields get a column each (<c>crm.customer</c>); null for none.</summary>
    protected virtual string? CustomFieldEntityType => null;

    private IReadOnlyList<FieldSpec> _customFields = [];

    public async Task<IReadOnlyList<ImportColumn>> AllColumnsAsync(IServiceProvider services, CancellationToken ct)
    {
        if (CustomFieldEntityType is null) return Columns;
        _customFields = (await services.GetRequiredService<ICustomFields>().FieldsAsync(CustomFieldEntityType, includeRemoved: false, ct)).Select(f => f.ToSpec()).ToList();
        return [.. Columns, .. _customFields.Select(ImportColumn.For)];
    }

    /// <summary>The row's custom-field cells as the values a request carries: option labels become their values, 是/否 booleans.</summary>
    protected JsonObject CustomFieldValues(ImportRow row)
    {
        var values = new JsonObject();
        foreach (var field in _customFields)
            values[field.Key] = CustomFieldText.Parse(field, row.Text(ImportColumn.For(field).Field));
        return values;
    }

    /// <summary>Converts the row's cells into the request; unreadable values and unknown references are errors on the row.</summary>
    protected abstract Task<TRequest> ParseAsync(ImportRow row, CancellationToken ct);

    /// <summary>Rules over all rows together and against the database (e.g. duplicates).</summary>
    protected virtual Task CheckAsync(IReadOnlyList<(ImportRow Row, TRequest Request)> rows, CancellationToken ct) => Task.CompletedTask;

    protected abstract Task CreateAsync(TRequest request, CancellationToken ct);

    public async Task<ImportPreview> PreviewAsync(Spreadsheet sheet, IServiceProvider services, CancellationToken ct) =>
        (await ParseAllAsync(sheet, services, ct)).Preview;

    public async Task<ImportPreview> ImportAsync(Spreadsheet sheet, IServiceProvider services, CancellationToken ct)
    {
        var (preview, rows) = await ParseAllAsync(sheet, services, ct);
        if (preview.ErrorCount > 0) return preview;
        foreach (var (_, request) in rows) await CreateAsync(request, ct);
        return preview;
    }

    private async Task<(ImportPreview Preview, List<(ImportRow Row, TRequest Request)> Rows)> ParseAllAsync(
        Spreadsheet sheet, IServiceProvider services, CancellationToken ct)
    {
        var l = services.GetRequiredService<JsonStringLocalizer>();
        var validator = services.GetService<IValidator<TRequest>>();
        var all = await AllColumnsAsync(services, ct);
        var index = ImportColumn.Map(sheet.Headers, all, l);
        var rows = new List<(ImportRow Row, TRequest Request)>();
        foreach (var line in sheet.Rows)
        {
            var row = new ImportRow(line.Number,
                all.ToDictionary(c => c.Field, c => index.TryGetValue(c.Field, out var i) && i < line.Cells.Count ? line.Cells[i] : null), l);
            foreach (var column in all.Where(c => c.Required && row.Text(c.Field) is null))
                row.AddError(column.Field, KernelErrors.ImportRequired, column.Header(l));
            var request = await ParseAsync(row, ct);
            // Custom values get the same check as on a save, their errors under the column's field (customFields.level).
            if (_customFields.Count > 0)
                foreach (var (field, messages) in FieldValues.Check(_customFields, CustomFieldValues(row), l, applyDefaults: true).Errors)
                    if (!row.Errors.ContainsKey(field))
                        foreach (var message in messages) row.AddMessage(field, message);
            if (validator is not null)
                foreach (var error in (await FieldNames.ValidateAsync(validator, new ValidationContext<TRequest>(request), l, ct)).Errors)
                {
                    var field = JsonNamingPolicy.CamelCase.ConvertName(error.PropertyName);
                    // A blank required cell already says so; the validator's "must not be empty" would repeat it.
                    if (!row.Errors.ContainsKey(field)) row.AddMessage(field, error.ErrorMessage);
                }
            rows.Add((row, request));
        }
        await CheckAsync(rows, ct);

        var columns = all.Select(c => new ImportColumnDto(c.Field, c.Header(l), c.Required)).ToList();
        var dtos = rows.Select(r => new ImportRowDto(r.Row.Number, r.Row.Values, r.Row.Errors)).ToList();
        var errors = dtos.Count(r => r.Errors.Count > 0);
        return (new ImportPreview(columns, dtos, dtos.Count - errors, errors), rows);
    }

    /// <summary>
    /// Marks every row whose key is already taken in the database (with the module's error <paramref name="takenCode"/>)
    /// or repeats an earlier row of the file. Keys compare without case, as the database's collation does.
    /// </summary>
    protected static void FlagDuplicates(IEnumerable<(ImportRow Row, TRequest Request)> rows, string field, Func<TRequest, string?> key,
        IEnumerable<string> taken, string takenCode)
    {
        var existing = new HashSet<string>(taken, StringComparer.OrdinalIgnoreCase);
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (row, request) in rows)
        {
            if (key(request) is not { Length: > 0 } value) continue;
            if (existing.Contains(value)) row.AddError(field, takenCode, value);
            else if (!seen.Add(value)) row.AddError(field, KernelErrors.ImportDuplicateInFile, value);
        }
    }
}
