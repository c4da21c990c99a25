using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Shouldly;

namespace BizSuite.IntegrationTests;

internal static class Http
{
    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(expected, body);
        return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone();
    }

    public static async Task<JsonElement> GetJsonAsync(this HttpClient client, string url, HttpStatusCode expected = HttpStatusCode.OK) =>
        await (await client.GetAsync(url)).JsonAsync(expected);

    public static async Task<JsonElement> PostJsonAsync(this HttpClient client, string url, object body, HttpStatusCode expected = HttpStatusCode.OK) =>
        await (await client.PostAsJsonAsync(url, body)).JsonAsync(expected);

    public static async Task<JsonElement> PutJsonAsync(this HttpClient client, string url, object body, HttpStatusCode expected = HttpStatusCode.OK) =>
        await (await client.PutAsJsonAsync(url, body)).JsonAsync(expected);

    /// <summary>Posts a file as the multipart field <c>file</c>, as a browser's file input does.</summary>
    public static async Task<JsonElement> UploadAsync(this HttpClient client, string url, byte[] file, string fileName, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var form = new MultipartFormDataContent { { new ByteArrayContent(file), "file", fileName } };
        return await (await client.PostAsync(url, form)).JsonAsync(expected);
    }

    public static string Str(this JsonElement element, string property) => element.GetProperty(property).GetString()!;

    public static string[] FieldErrors(this JsonElement problem, string field) =>
        problem.GetProperty("errors").GetProperty(field).EnumerateArray().Select(e => e.GetString()!).ToArray();
}
