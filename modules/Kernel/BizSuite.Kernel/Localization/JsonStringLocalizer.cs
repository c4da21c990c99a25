using System.Globalization;
using System.Reflection;
using System.Text.Json;
using Microsoft.Extensions.Localization;

namespace BizSuite.Kernel;

/// <summary>
/// One localizer for every module: each module embeds <c>Localization/en.json</c> and <c>zh-CN.json</c>
/// (flat key → text); the current UI culture picks the language, English is the fallback.
/// </summary>
public sealed class JsonStringLocalizer : IStringLocalizer
{
    public static readonly string[] Cultures = ["zh-CN", "en"];
    private readonly Dictionary<string, Dictionary<string, string>> _texts = Cultures.ToDictionary(c => c, _ => new Dictionary<string, string>());

    public JsonStringLocalizer(IEnumerable<Assembly> assemblies)
    {
        foreach (var assembly in assemblies.Distinct())
        foreach (var culture in Cultures)
        {
            var resource = assembly.GetManifestResourceNames().FirstOrDefault(n => n.EndsWith($".Localization.{culture}.json"));
            if (resource is null) continue;
            using var stream = assembly.GetManifestResourceStream(resource)!;
            foreach (var (key, text) in JsonSerializer.Deserialize<Dictionary<string, string>>(stream)!)
                _texts[culture][key] = text;
        }
    }

    public IReadOnlyDictionary<string, string> Texts(string culture) => _texts[culture];

    public LocalizedString this[string name] => Find(name, []);

    public LocalizedString this[string name, params object[] arguments] => Find(name, arguments);

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) =>
        _texts[CurrentCulture()].Select(kv => new LocalizedString(kv.Key, kv.Value));

    private LocalizedString Find(string name, object[] arguments)
    {
        var found = _texts[CurrentCulture()].TryGetValue(name, out var text) || _texts["en"].TryGetValue(name, out text);
        var value = found ? (arguments.Length == 0 ? text! : string.Format(CultureInfo.CurrentCulture, text!, arguments)) : name;
        return new LocalizedString(name, value, resourceNotFound: !found);
    }

    private static string CurrentCulture() =>
        CultureInfo.CurrentUICulture.Name.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? "zh-CN" : "en";
}
