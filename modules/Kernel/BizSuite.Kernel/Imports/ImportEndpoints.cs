using System.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;

namespace BizSuite.Kernel;

public static class ImportEndpoints
{
    /// <summary>
    /// <c>GET import/template</c> (an .xlsx with the headers), <c>POST import/preview</c> (multipart <c>file</c> → every row with
    /// its errors) and <c>POST import</c> (the same file → all rows in this request's unit of work, or nothing and a 422 with the
    /// rows in error). All need <paramref name="permission"/>, the entity's create permission.
    /// </summary>
    public static void MapImport<TImporter>(this IEndpointRouteBuilder entity, string permission) where TImporter : IImporter
    {
        var import = entity.MapGroup("/import").RequirePermission(permission);
        import.MapGet("/template", ImportHandlers<TImporter>.GetImportTemplate);
        // Multipart posts from the SPA carry a bearer token, not a cookie: there is no cross-site form to guard against.
        import.MapPost("/preview", ImportHandlers<TImporter>.PreviewImport).DisableAntiforgery();
        import.MapPost("/", ImportHandlers<TImporter>.Import).DisableAntiforgery();
    }

    /// <summary>An empty sheet with the headers in the caller's language; required ones carry a '*'.</summary>
    internal static byte[] Template(IReadOnlyList<ImportColumn> columns, JsonStringLocalizer l)
    {
        var table = new DataTable();
        foreach (var column in columns) table.Columns.Add(column.Header(l) + (column.Required ? "*" : ""));
        using var stream = new MemoryStream();
        stream.SaveAs(table);
        return stream.ToArray();
    }
}

/// <summary>The import routes' handlers for one importer (a generic class: the route analyzer cannot read generic method groups).</summary>
internal static class ImportHandlers<TImporter> where TImporter : IImporter
{
    // The importer comes from the request's services, not a parameter: the route analyzer cannot read a type parameter.
    private static TImporter Importer(HttpContext http) => http.RequestServices.GetRequiredService<TImporter>();

    public static async Task<FileContentHttpResult> GetImportTemplate(HttpContext http, JsonStringLocalizer l, CancellationToken ct) =>
        TypedResults.File(ImportEndpoints.Template(await Importer(http).AllColumnsAsync(http.RequestServices, ct), l), ExcelExport.ContentType,
            $"{Importer(http).Name}-template.xlsx");

    public static async Task<Ok<ImportPreview>> PreviewImport(IFormFile file, HttpContext http, CancellationToken ct) =>
        TypedResults.Ok(await Importer(http).PreviewAsync(Spreadsheet.Read(file), http.RequestServices, ct));

    public static async Task<Results<Ok<ImportResult>, ProblemHttpResult>> Import(IFormFile file, HttpContext http, JsonStringLocalizer l, CancellationToken ct)
    {
        var preview = await Importer(http).ImportAsync(Spreadsheet.Read(file), http.RequestServices, ct);
        if (preview.ErrorCount == 0) return TypedResults.Ok(new ImportResult(preview.Rows.Count));
        return TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: l[KernelErrors.ImportHasErrors, preview.ErrorCount].Value,
            extensions: new Dictionary<string, object?>
            {
                ["code"] = KernelErrors.ImportHasErrors,
                ["rows"] = preview.Rows.Where(r => r.Errors.Count > 0).ToList(),
            });
    }
}
