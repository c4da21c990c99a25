using System.Collections;
using System.Data;
using System.Globalization;
using System.Reflection;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;

namespace BizSuite.Kernel;

public static class ExcelExport
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const int MaxRows = 50_000;

    /// <summary>
    /// With <c>?format=xlsx</c> the list answers an .xlsx of every row matching its filters (first <see cref="MaxRows"/>)
    /// instead of one page of JSON; without it nothing changes. The endpoint keeps its own permission.
    /// </summary>
    public static RouteHandlerBuilder WithExcelExport(this RouteHandlerBuilder endpoint) => endpoint.AddEndpointFilter<ExcelExportFilter>();

    /// <summary>
    /// One column per readable property: ids and nested lists are left out, headers are the <c>Field:{Name}</c> texts of the
    /// row type's module;
    /// then one per custom field (<paramref name="customFields"/>), headed by its label, with option labels as cells.
    /// </summary>
    internal static byte[] ToExcel(Type itemType, IEnumerable items, JsonStringLocalizer l, IReadOnlyList<CustomFieldDto>? customFields = null)
    {
        var valuesProperty = itemType.GetProperties().FirstOrDefault(p => p.GetCustomAttribute<CustomFieldsAttribute>() is not null);
        customFields = valuesProperty is null ? [] : customFields ?? [];
        var properties = itemType.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => IsCell(p.PropertyType)).ToList();
        var table = new DataTable();
        foreach (var property in properties)
        {
            var header = l.OfModule(itemType.Assembly, "Field:" + property.Name) is { ResourceNotFound: false } text && !table.Columns.Contains(text.Value) ? text.Value : property.Name;
            table.Columns.Add(header, typeof(object));
        }
        var culture = CultureInfo.CurrentUICulture;
        foreach (var field in customFields)
            table.Columns.Add(UniqueHeader(table, field.ToSpec().Label(culture)), typeof(object));
        foreach (var item in items)
        {
            var values = valuesProperty?.GetValue(item) as JsonObject;
            table.Rows.Add(properties.Select(p => Cell(p.GetValue(item), l))
                .Concat(customFields.Select(f => CustomFieldText.Display(f.ToSpec(), values?[f.Key], culture, l))).ToArray());
        }
        using var stream = new MemoryStream();
        stream.SaveAs(table);
        return stream.ToArray();
    }

    private static string UniqueHeader(DataTable table, string header)
    {
        var name = header;
        for (var i = 2; table.Columns.Contains(name); i++) name = $"{header} ({i})";
        return name;
    }

    private static bool IsCell(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        return type != typeof(Guid) && (type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal) ||
                                        type == typeof(DateTime) || type == typeof(DateTimeOffset) || type == typeof(DateOnly));
    }

    private static object? Cell(object? value, JsonStringLocalizer l) => value switch
    {
        Enum e => l[$"Enum:{e.GetType().Name}.{e}"] is { ResourceNotFound: false } text ? text.Value : e.ToString(),
        DateOnly d => d.ToString("yyyy-MM-dd"),
        DateTimeOffset d => d.UtcDateTime,
        _ => value,
    };
}

/// <summary>Runs the list with the first <see cref="ExcelExport.MaxRows"/> rows as its page and writes its items as a sheet.</summary>
internal sealed class ExcelExportFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (!string.Equals(http.Request.Query["format"], "xlsx", StringComparison.OrdinalIgnoreCase)) return await next(context);
        for (var i = 0; i < context.Arguments.Count; i++)
            if (context.Arguments[i] is PageRequest page)
                context.Arguments[i] = page with { Skip = 0, Take = ExcelExport.MaxRows };

        var result = await next(context);
        if (result is IValueHttpResult typed) result = typed.Value; // Ok<PagedResult<T>> from a typed handler
        var (itemType, items) = result switch
        {
            _ when result?.GetType() is { IsGenericType: true } t && t.GetGenericTypeDefinition() == typeof(PagedResult<>) =>
                (t.GetGenericArguments()[0], (IEnumerable)t.GetProperty(nameof(PagedResult<object>.Items))!.GetValue(result)!),
            IEnumerable list when list.GetType().GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>)) is { } e =>
                (e.GetGenericArguments()[0], list),
            _ => throw new InvalidOperationException($"{http.Request.Path} does not return a list that can be exported."),
        };
        var name = http.Request.Path.Value!.TrimEnd('/').Split('/')[^1];
        var l = http.RequestServices.GetRequiredService<JsonStringLocalizer>();
        var customFields = itemType.GetProperties().Select(p => p.GetCustomAttribute<CustomFieldsAttribute>()).OfType<CustomFieldsAttribute>().FirstOrDefault() is { } marked
            ? await http.RequestServices.GetRequiredService<ICustomFields>().FieldsAsync(marked.EntityType, includeRemoved: false, http.RequestAborted)
            : null;
        return Results.File(ExcelExport.ToExcel(itemType, items.Cast<object>().Take(ExcelExport.MaxRows), l, customFields), ExcelExport.ContentType,
            $"{name}-{http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow():yyyyMMdd-HHmm}.xlsx");
    }
}
