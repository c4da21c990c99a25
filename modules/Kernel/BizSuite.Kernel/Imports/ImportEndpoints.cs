using System.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
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
        IImporter Importer(HttpContext http) => http.RequestServices.GetRequiredService<TImporter>();
        import.MapGet("/template", (HttpContext http, JsonStringLocalizer l) =>
            Results.File(Template(Importer(http), l), ExcelExport.ContentType, $"{Importer(http).Name}-template.xlsx"));
        // Multipart posts from the SPA carry a bearer token, not a cookie: there is no cross-site form to guard against.
        import.MapPost("/preview", (IFormFile file, HttpContext http, CancellationToken ct) =>
            Importer(http).PreviewAsync(Spreadsheet.Read(file), http.RequestServices, ct)).DisableAntiforgery();
        import.MapPost("/", (IFormFile file, HttpContext http, JsonStringLocalizer l, CancellationToken ct) =>
            ImportAsync(Importer(http), file, http, l, ct)).DisableAntiforgery();
    }

    private static async Task<IResult> ImportAsync(IImporter importer, IFormFile file, HttpContext http, JsonStringLocalizer l, CancellationToken ct)
    {
        var preview = await importer.ImportAsync(Spreadsheet.Read(file), http.RequestServices, ct);
        if (preview.ErrorCount == 0) return Results.Ok(new ImportResult(preview.Rows.Count));
        return Results.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: l[KernelErrors.ImportHasErrors, preview.ErrorCount].Value,
            extensions: new Dictionary<string, object?>
            {
                ["code"] = KernelErrors.ImportHasErrors,
                ["rows"] = preview.Rows.Where(r => r.Errors.Count > 0).ToList(),
            });
    }

    /// <summary>An empty sheet with the headers in the caller's language; required ones carry a '*'.</summary>
    private static byte[] Template(IImporter importer, JsonStringLocalizer l)
    {
        var table = new DataTable();
        foreach (var column in importer.Columns) table.Columns.Add(l[column.LabelKey].Value + (column.Required ? "*" : ""));
        using var stream = new MemoryStream();
        stream.SaveAs(table);
        return stream.ToArray();
    }
}
