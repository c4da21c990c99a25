namespace BizSuite.Kernel;

/// <summary>
/// The tenant's own company as its printed documents show it (seller on invoices, payee on receipts, party to contracts):
/// tenant settings a tenant admin edits on the settings page. An empty name prints the tenant's display name.
/// </summary>
public sealed record CompanyProfile(string Name, string Address, string Phone, string TaxpayerId, string Bank, string BankAccount)
{
    public const string NameSetting = "Kernel.Company.Name";
    public const string AddressSetting = "Kernel.Company.Address";
    public const string PhoneSetting = "Kernel.Company.Phone";
    public const string TaxpayerIdSetting = "Kernel.Company.TaxpayerId";
    public const string BankSetting = "Kernel.Company.Bank";
    public const string BankAccountSetting = "Kernel.Company.BankAccount";

    internal static void Define(SettingDefinitionContext context) => context
        .Add(NameSetting, "", v => v.Length <= 100)
        .Add(AddressSetting, "", v => v.Length <= 200)
        .Add(PhoneSetting, "", v => v.Length <= 40 && v.All(c => char.IsAsciiDigit(c) || c is ' ' or '-' or '+' or '(' or ')'))
        .Add(TaxpayerIdSetting, "", v => v.Length == 0 || CreditCode.IsValid(v))
        .Add(BankSetting, "", v => v.Length <= 100)
        .Add(BankAccountSetting, "", v => v.Length <= 40 && v.All(c => char.IsAsciiDigit(c) || c == ' '));

    /// <summary>Address and phone on one line, as invoices print them (地址、电话).</summary>
    public string AddressAndPhone => string.Join(" ", new[] { Address, Phone }.Where(s => s.Length > 0));

    /// <summary>Bank and account on one line (开户行及账号).</summary>
    public string BankAndAccount => string.Join(" ", new[] { Bank, BankAccount }.Where(s => s.Length > 0));

    public Party AsParty => new(Name, TaxpayerId, AddressAndPhone, BankAndAccount);
}

/// <summary>Reads the current tenant's <see cref="CompanyProfile"/> from its settings.</summary>
public sealed class CompanyProfiles(SettingStore settings, ITenantStore tenants, ICurrentTenant currentTenant)
{
    public async Task<CompanyProfile> GetAsync(CancellationToken ct)
    {
        var name = await settings.GetAsync(CompanyProfile.NameSetting, ct);
        if (name.Length == 0 && currentTenant.Id is { } id)
            name = (await tenants.FindAsync(id.ToString(), ct))?.DisplayName ?? "";
        return new CompanyProfile(name, await settings.GetAsync(CompanyProfile.AddressSetting, ct), await settings.GetAsync(CompanyProfile.PhoneSetting, ct),
            await settings.GetAsync(CompanyProfile.TaxpayerIdSetting, ct), await settings.GetAsync(CompanyProfile.BankSetting, ct),
            await settings.GetAsync(CompanyProfile.BankAccountSetting, ct));
    }
}
