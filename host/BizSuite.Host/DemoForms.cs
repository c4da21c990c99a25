using BizSuite.Kernel;
using BizSuite.Oa;
using BizSuite.Oa.Forms;
using BizSuite.Saas;

namespace BizSuite.Host;

/// <summary>The demo tenant's custom approval form: a published 用印申请 (seal use request) that the manager approves.</summary>
internal sealed class DemoForms(ApprovalFormAppService forms, IApprovalFlowAppService approvalFlows, ICurrentTenant currentTenant)
{
    public static SaveApprovalFormRequest SealUse { get; } = new("seal-use", "用印申请", "Seal use request", "盖章前提交，经理批准后到行政处用印。",
    [
        new FormFieldDto(new FieldSpec("sealType", FieldType.SingleSelect, "印章类型", "Seal")
        {
            Required = true,
            Options = [new("company", "公章", "Company seal"), new("contract", "合同专用章", "Contract seal"), new("finance", "财务专用章", "Finance seal"),
                new("legal", "法人章", "Legal representative's seal")],
        }),
        new FormFieldDto(new FieldSpec("purpose", FieldType.LongText, "用印事由", "Purpose") { Required = true }),
        new FormFieldDto(new FieldSpec("copies", FieldType.Number, "用印份数", "Copies") { Required = true, Min = 1, Max = 100 }),
        new FormFieldDto(new FieldSpec("document", FieldType.Text, "用印文件", "Document to seal"), FormFieldKind.Attachment),
    ]);

    /// <summary>Two commits: publishing loads the saved form.</summary>
    public static async Task RunAsync(IServiceProvider services, TenantDto tenant, CancellationToken cancellationToken)
    {
        var runner = services.GetRequiredService<UnitOfWorkRunner>();
        var formId = Guid.Empty;
        await runner.RunAsync(async (sp, ct) => formId = await ActivatorUtilities.CreateInstance<DemoForms>(sp).DesignAsync(tenant, ct), cancellationToken);
        await runner.RunAsync((sp, ct) => ActivatorUtilities.CreateInstance<DemoForms>(sp).PublishAsync(tenant, formId, ct), cancellationToken);
    }

    private async Task<Guid> DesignAsync(TenantDto tenant, CancellationToken ct)
    {
        using var _ = currentTenant.Change(tenant.Id, tenant.Name);
        return (await forms.CreateAsync(SealUse, ct)).Id;
    }

    private async Task PublishAsync(TenantDto tenant, Guid formId, CancellationToken ct)
    {
        using var _ = currentTenant.Change(tenant.Id, tenant.Name);
        var form = await forms.PublishAsync(formId, published: true, ct);
        await approvalFlows.CreateAsync(new SaveApprovalFlowRequest(form.DocumentType, "用印审批 Seal use approval",
            [new SaveApprovalStepRequest(ApproverRule.Role, "manager", null, StepCondition.Always, null)]), ct);
    }
}
