using BizSuite.Crm.Activities;
using BizSuite.Crm.Contacts;
using BizSuite.Crm.Contracts;
using BizSuite.Crm.Customers;
using BizSuite.Crm.Leads;
using BizSuite.Crm.Opportunities;
using Riok.Mapperly.Abstractions;

namespace BizSuite.Crm;

/// <summary>Entity → DTO mapping of the CRM (Mapperly; common.props says what fails the build).</summary>
[Mapper(RequiredMappingStrategy = RequiredMappingStrategy.Target)]
internal static partial class CrmMapper
{
    public static partial CustomerDto ToDto(this Customer customer);

    private static System.Text.Json.Nodes.JsonObject CustomFieldValues(string json) => System.Text.Json.Nodes.JsonNode.Parse(json)!.AsObject();

    public static partial LeadDto ToDto(this Lead lead);

    /// <summary>The customer's name lives on the customer; the caller brings it.</summary>
    public static partial ContactDto ToDto(this Contact contact, string customerName);

    public static partial OpportunityDto ToDto(this Opportunity opportunity, string customerName);

    public static partial ActivityDto ToDto(this Activity activity);

    [MapProperty(nameof(Contract.Lines), nameof(ContractDto.Lines), Use = nameof(InLineOrder))]
    [MapProperty(nameof(Contract.Installments), nameof(ContractDto.Installments), Use = nameof(InPlanOrder))]
    public static partial ContractDto ToDto(this Contract contract);

    private static partial ContractLineDto ToDto(ContractLine line);

    private static partial InstallmentDto ToDto(Installment installment);

    // Loaded collections come back in no particular order; the contract reads in line and plan order.
    private static IReadOnlyList<ContractLineDto> InLineOrder(IReadOnlyList<ContractLine> lines) =>
        lines.OrderBy(l => l.LineNumber).Select(ToDto).ToList();

    private static IReadOnlyList<InstallmentDto> InPlanOrder(IReadOnlyList<Installment> installments) =>
        installments.OrderBy(i => i.Number).Select(ToDto).ToList();
}
