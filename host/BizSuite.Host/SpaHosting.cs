using System.Text.RegularExpressions;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;
using Microsoft.Net.Http.Headers;

namespace BizSuite.Host;

/// <summary>
/// Serves the built Angular app: the Brotli or gzip file the build wrote next to each asset when the browser
/// accepts it, hashed files cached for a year (a new build gives them new names), and everything else —
/// index.html, the service worker and its manifest, translations — revalidated on every load so a deployment
/// is seen at once.
/// </summary>
public static partial class SpaHosting
{
    private static readonly (string Encoding, string Suffix)[] Encodings = [("br", ".br"), ("gzip", ".gz")];

    public static void UseSpaFiles(this WebApplication app, IFileProvider files)
    {
        var options = new StaticFileOptions
        {
            FileProvider = files,
            ContentTypeProvider = new CompressedContentTypes(),
            OnPrepareResponse = SetCacheHeaders,
        };
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        app.Use((context, next) =>
        {
            PickCompressedFile(context, files);
            return next(context);
        });
        app.UseStaticFiles(options);
    }

    /// <summary>The client-side routes outside the API get index.html (never cached, so a new build is picked up).</summary>
    public static void MapSpaFallback(this WebApplication app, IFileProvider files) =>
        app.MapFallbackToFile("{*path:regex(^(?!api/|openapi/|health/|scalar).*$)}", "index.html", new StaticFileOptions
        {
            FileProvider = files,
            OnPrepareResponse = SetCacheHeaders,
        });

    private static void PickCompressedFile(HttpContext context, IFileProvider files)
    {
        var path = context.Request.Path.Value;
        if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method)) return;
        if (string.IsNullOrEmpty(path) || path.StartsWith("/api/", StringComparison.Ordinal)) return;
        var accepted = context.Request.Headers.AcceptEncoding.ToString();
        foreach (var (encoding, suffix) in Encodings)
        {
            if (!accepted.Contains(encoding, StringComparison.OrdinalIgnoreCase) || !files.GetFileInfo(path + suffix).Exists) continue;
            context.Request.Path = path + suffix;
            context.Response.Headers.ContentEncoding = encoding;
            context.Response.Headers.Vary = HeaderNames.AcceptEncoding;
            return;
        }
    }

    private static void SetCacheHeaders(StaticFileResponseContext context) =>
        context.Context.Response.Headers.CacheControl = HashedName().IsMatch(context.File.Name) ? "public, max-age=31536000, immutable" : "no-cache";

    // Angular's output hashing appends eight base64url characters: "main-CACG6K2X.js", "chunk-BOAGBjz-.js",
    // "styles-7AVTCCCJ.css", "media/font-HASH.woff2". Manifests, translations and index.html have no hash.
    [GeneratedRegex(@"-[A-Za-z0-9_-]{8}\.(js|css|woff2?|ttf|svg|png|jpg|webp)(\.br|\.gz)?$")]
    private static partial Regex HashedName();

    /// <summary>"main.js.br" is JavaScript: the type comes from the name without the compression suffix.</summary>
    private sealed class CompressedContentTypes : IContentTypeProvider
    {
        private readonly FileExtensionContentTypeProvider inner = new() { Mappings = { [".webmanifest"] = "application/manifest+json" } };

        public bool TryGetContentType(string subpath, out string contentType)
        {
            foreach (var (_, suffix) in Encodings)
                if (subpath.EndsWith(suffix, StringComparison.Ordinal)) subpath = subpath[..^suffix.Length];
            return inner.TryGetContentType(subpath, out contentType!);
        }
    }
}
