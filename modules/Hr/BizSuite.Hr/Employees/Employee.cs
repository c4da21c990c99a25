using BizSuite.Kernel;
using Microsoft.AspNetCore.Http;

namespace BizSuite.Hr.Employees;

/// <summary>An employee (员工) with a gapless number per tenant; the national id is kept encrypted, only its mask in clear.</summary>
[Audited]
internal sealed class Employee : CustomFieldsAggregate, IMultiTenant
{
    public Guid? TenantId { get; private set; }
    public string Number { get; private set; } = "";
    public string Name { get; private set; } = "";
    public Guid? DepartmentId { get; private set; }
    public string? Position { get; private set; }
    public Guid? ManagerId { get; private set; }
    public DateOnly HireDate { get; private set; }
    public EmployeeStatus Status { get; private set; }
    public string? Phone { get; private set; }
    public string? Email { get; private set; }
    public Guid? UserId { get; private set; }
    [Sensitive]
    public string? EncryptedNationalId { get; private set; }
    public string? NationalIdMasked { get; private set; }

    private Employee() { }

    public Employee(string number, EmployeeData data)
    {
        Number = number;
        Update(data);
    }

    public void Update(EmployeeData data)
    {
        if (data.ManagerId is { } manager && manager == Id)
            throw new BusinessException(HrErrors.OwnManager, StatusCodes.Status422UnprocessableEntity) { Field = "managerId" };
        Name = data.Name.Trim();
        DepartmentId = data.DepartmentId;
        Position = Blank(data.Position);
        ManagerId = data.ManagerId;
        HireDate = data.HireDate;
        Status = data.Status;
        Phone = Blank(data.Phone);
        Email = Blank(data.Email)?.ToLowerInvariant();
    }

    /// <summary>Stores a checked national id: the cipher from the caller's protector, the mask for every screen.</summary>
    public void SetNationalId(string number, Func<string, string> protect)
    {
        number = NationalId.Normalize(number);
        if (!NationalId.IsValid(number))
            throw new BusinessException(HrErrors.InvalidNationalId, StatusCodes.Status400BadRequest) { Field = "nationalId" };
        EncryptedNationalId = protect(number);
        NationalIdMasked = NationalId.Mask(number);
    }

    public void LinkAccount(Guid userId)
    {
        UserId = userId;
        Raise(new EmployeeAccountLinked(Id, userId));
    }

    /// <summary>A hired candidate becomes an employee on probation; the hire starts the account and onboarding.</summary>
    public void Hired() => Raise(new EmployeeHired(Id, Number, Name, Email ?? "", DepartmentId, ManagerId, HireDate));

    /// <summary>Announces HR's edit, custom values included (webhooks, automation rules).</summary>
    public void Updated() => Raise(new EmployeeUpdated(Id, Number, Name, DepartmentId, Status, CustomFieldValues()));

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

/// <summary>What HR enters for an employee, by hand or from an accepted offer.</summary>
internal sealed record EmployeeData(string Name, Guid? DepartmentId, string? Position, Guid? ManagerId, DateOnly HireDate, EmployeeStatus Status,
    string? Phone, string? Email);
