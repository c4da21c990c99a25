using System.Globalization;
using System.Reflection;
using System.Text.Json;
using Microsoft.Extensions.Localization;

namespace BizSuite.Kernel;

/// <summary>
/// One localizer for every module: each module embeds <c>Localization/en.json</c> and <c>zh-CN.json</c>
/// (flat key → text); the current UI culture picks the language, English is the fallback.
/// Keys are looked up in one table merged from all modules, except through <see cref="OfModule"/>: a module's own words
/// come first there, since modules may name the same key differently (Purchasing's <c>Field:Reason</c> is 请购原因).
/// </summary>
public sealed class JsonStringLocalizer : IStringLocalizer
{
    public static readonly string[] Cultures = ["zh-CN", "en"];
    private readonly Dictionary<string, Dictionary<string, string>> _texts = Cultures.ToDictionary(c => c, _ => new Dictionary<string, string>());
    private readonly Dictionary<Assembly, Dictionary<string, Dictionary<string, string>>> _modules = [];

    public JsonStringLocalizer(IEnumerable<Assembly> assemblies)
    {
        foreach (var assembly in assemblies.Distinct())
        foreach (var culture in Cultures)
        {
            var resource = assembly.GetManifestResourceNames().FirstOrDefault(n => n.EndsWith($".Localization.{culture}.json"));
            if (resource is null) continue;
            using var stream = assembly.GetManifestResourceStream(resource)!;
            var texts = JsonSerializer.Deserialize<Dictionary<string, string>>(stream)!;
            foreach (var (key, text) in texts) _texts[culture][key] = text;
            if (!_modules.TryGetValue(assembly, out var own)) _modules[assembly] = own = [];
            own[culture] = texts;
        }
    }

    public IReadOnlyDictionary<string, string> Texts(string culture) => _texts[culture];

    /// <summary>
    /// The texts one module embeds in a language (empty when it has none); a module's <c>.Contracts</c> assembly, where its
    /// DTOs live, stands for the module.
    /// </summary>
    public IReadOnlyDictionary<string, string> TextsOf(Assembly module, string culture) =>
        (_modules.GetValueOrDefault(module) ?? _modules.FirstOrDefault(m => m.Key.GetName().Name + ".Contracts" == module.GetName().Name).Value)
        ?.GetValueOrDefault(culture) ?? [];

    /// <summary>A text as <paramref name="module"/> says it: its own, else the kernel's, else any module's.</summary>
    public LocalizedString OfModule(Assembly module, string name)
    {
        foreach (var culture in new[] { CurrentCulture(), "en" }.Distinct())
        foreach (var texts in new[] { TextsOf(module, culture), TextsOf(typeof(JsonStringLocalizer).Assembly, culture), _texts[culture] })
            if (texts.TryGetValue(name, out var text)) return new LocalizedString(name, text);
        return new LocalizedString(name, name, resourceNotFound: true);
    }

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
