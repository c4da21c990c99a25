using BizSuite.Hr.Data;
using BizSuite.Kernel;
using Microsoft.EntityFrameworkCore;

namespace BizSuite.Hr.Employees;

/// <summary>
/// Employees from a spreadsheet (员工导入). The department is named by its name or code; each row gets the next
/// employee number and its national id is encrypted, as when HR enters the employee by hand.
/// </summary>
internal sealed class EmployeeImporter(HrDbContext db, EmployeeAppService employees) : Importer<SaveEmployeeRequest>
{
    private List<(Guid Id, string Name, string Code)>? _departments;

    public override string Name => "employees";

    protected override string CustomFieldEntityType => HrCustomFields.Employee;

    public override IReadOnlyList<ImportColumn> Columns { get; } =
    [
        new("name", Required: true, "姓名", "员工姓名", "Employee name"),
        new("departmentId", false, "部门名称", "所属部门", "Department name"),
        new("position", false, "职位", "岗位", "Job title"),
        new("hireDate", Required: true, "入职时间", "Hired on"),
        new("status", false, "员工状态"),
        new("phone", false, "手机", "Mobile"),
        new("email", false, "电子邮件", "Email"),
        new("nationalId", false, "身份证号", "身份证", "ID number"),
    ];

    protected override async Task<SaveEmployeeRequest> ParseAsync(ImportRow row, CancellationToken ct)
    {
        _departments ??= (await db.Departments.AsNoTracking().Select(d => new { d.Id, d.Name, d.Code }).ToListAsync(ct))
            .Select(d => (d.Id, d.Name, d.Code)).ToList();
        Guid? departmentId = null;
        if (row.Text("departmentId") is { } department)
        {
            var matches = _departments.Where(d => string.Equals(d.Name, department, StringComparison.OrdinalIgnoreCase) ||
                                                  string.Equals(d.Code, department, StringComparison.OrdinalIgnoreCase)).ToList();
            if (matches.Count == 1) departmentId = matches[0].Id;
            else row.AddError("departmentId", matches.Count == 0 ? HrErrors.UnknownDepartment : HrErrors.AmbiguousDepartment, department);
        }
        if (row.Text("nationalId") is { } nationalId && !NationalId.IsValid(NationalId.Normalize(nationalId)))
            row.AddError("nationalId", HrErrors.InvalidNationalId);
        return new SaveEmployeeRequest(row.Text("name") ?? "", departmentId, row.Text("position"), null, row.Date("hireDate"),
            row.Enum("status", EmployeeStatus.Active), row.Text("phone"), row.Text("email")?.ToLowerInvariant(), row.Text("nationalId"), null,
            CustomFieldValues(row));
    }

    protected override async Task CheckAsync(IReadOnlyList<(ImportRow Row, SaveEmployeeRequest Request)> rows, CancellationToken ct)
    {
        var emails = rows.Select(r => r.Request.Email).OfType<string>().Distinct().ToList();
        var taken = await db.Employees.Where(e => emails.Contains(e.Email!)).Select(e => e.Email!).ToListAsync(ct);
        FlagDuplicates(rows, "email", r => r.Email, taken, HrErrors.DuplicateEmployeeEmail);
    }

    protected override Task CreateAsync(SaveEmployeeRequest request, CancellationToken ct) => employees.CreateAsync(request, ct);
}
