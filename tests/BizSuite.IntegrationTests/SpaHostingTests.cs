using System.IO.Compression;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Shouldly;

namespace BizSuite.IntegrationTests;

/// <summary>The built Angular app as the host serves it: pre-compressed when the browser accepts it, hashed files cached for good, the rest revalidated.</summary>
[Collection(ApiCollection.Name)]
public sealed class SpaHostingTests(BizSuiteFactory app) : IDisposable
{
    private const string Script = "main-AbC_12-x.js";
    private readonly string _spa = Directory.CreateTempSubdirectory("bizsuite-spa-").FullName;
    private readonly string _code = string.Concat(Enumerable.Repeat("console.log('商务套件');\n", 200));
    private WebApplicationFactory<Program>? _host;

    private HttpClient Client()
    {
        File.WriteAllText(Path.Combine(_spa, "index.html"), "<!doctype html><title>BizSuite</title><app-root></app-root>");
        File.WriteAllText(Path.Combine(_spa, Script), _code);
        File.WriteAllBytes(Path.Combine(_spa, Script + ".br"), Compress(_code, s => new BrotliStream(s, CompressionLevel.SmallestSize)));
        File.WriteAllBytes(Path.Combine(_spa, Script + ".gz"), Compress(_code, s => new GZipStream(s, CompressionLevel.SmallestSize)));
        Directory.CreateDirectory(Path.Combine(_spa, "assets", "i18n"));
        File.WriteAllText(Path.Combine(_spa, "assets", "i18n", "en.json"), "{\"app\":{}}");
        _host = app.WithWebHostBuilder(b => b.UseSetting("Spa:Path", _spa));
        return _host.CreateClient();
    }

    private static byte[] Compress(string text, Func<Stream, Stream> compressor)
    {
        using var output = new MemoryStream();
        using (var stream = compressor(output)) stream.Write(Encoding.UTF8.GetBytes(text));
        return output.ToArray();
    }

    private static async Task<HttpResponseMessage> GetAsync(HttpClient client, string path, string? acceptEncoding = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (acceptEncoding is not null) request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
        var response = await client.SendAsync(request);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, path);
        return response;
    }

    [Fact]
    public async Task A_hashed_script_comes_as_Brotli_or_gzip_when_accepted_and_is_cached_for_a_year()
    {
        var client = Client();

        var brotli = await GetAsync(client, "/" + Script, "gzip, deflate, br, zstd");
        brotli.Content.Headers.ContentEncoding.ShouldBe(["br"]);
        brotli.Content.Headers.ContentType!.MediaType.ShouldBe("text/javascript");
        brotli.Headers.CacheControl!.ToString().ShouldBe("public, max-age=31536000, immutable");
        brotli.Headers.Vary.ShouldContain("Accept-Encoding");
        using (var reader = new StreamReader(new BrotliStream(await brotli.Content.ReadAsStreamAsync(), CompressionMode.Decompress)))
            (await reader.ReadToEndAsync()).ShouldBe(_code);

        var gzip = await GetAsync(client, "/" + Script, "gzip");
        gzip.Content.Headers.ContentEncoding.ShouldBe(["gzip"]);
        using (var reader = new StreamReader(new GZipStream(await gzip.Content.ReadAsStreamAsync(), CompressionMode.Decompress)))
            (await reader.ReadToEndAsync()).ShouldBe(_code);

        var plain = await GetAsync(client, "/" + Script);
        plain.Content.Headers.ContentEncoding.ShouldBeEmpty();
        (await plain.Content.ReadAsStringAsync()).ShouldBe(_code);
    }

    [Fact]
    public async Task Index_html_and_unhashed_files_are_revalidated_on_every_load_so_a_deployment_is_seen_at_once()
    {
        var client = Client();

        foreach (var path in new[] { "/", "/crm/customers/42", "/assets/i18n/en.json" })
        {
            var response = await GetAsync(client, path, "br");
            response.Headers.CacheControl!.NoCache.ShouldBeTrue(path);
            response.Content.Headers.ContentEncoding.ShouldBeEmpty(path); // nothing pre-compressed for them
        }
        (await (await GetAsync(client, "/crm/customers/42")).Content.ReadAsStringAsync()).ShouldContain("<app-root>");
    }

    public void Dispose()
    {
        _host?.Dispose();
        Directory.Delete(_spa, recursive: true);
    }
}
