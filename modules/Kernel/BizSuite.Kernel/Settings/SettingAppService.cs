using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Localization;

namespace BizSuite.Kernel;

/// <summary>The settings tenants may see and change, with their display names; secrets are shown masked.</summary>
internal sealed class SettingAppService(SettingDefinitions definitions, SettingStore store, IStringLocalizer localizer)
{
    public async Task<List<SettingDto>> GetListAsync(CancellationToken ct)
    {
        var values = new List<SettingDto>();
        foreach (var d in definitions.All.Where(d => d.VisibleToTenants))
        {
            var value = await store.GetAsync(d.Name, ct);
            values.Add(new SettingDto(d.Name, localizer["Setting:" + d.Name], d.IsSecret && value.Length > 0 ? SettingStore.SecretMask : value, d.DefaultValue, d.IsSecret));
        }
        return values;
    }

    public async Task UpdateAsync(Dictionary<string, string> values, CancellationToken ct)
    {
        foreach (var (name, value) in values)
        {
            if (!definitions.All.Any(d => d.Name == name && d.VisibleToTenants))
                throw new BusinessException(KernelErrors.UnknownSetting, StatusCodes.Status400BadRequest, name) { Field = name };
            await store.SetAsync(name, value, ct);
        }
    }
}
