namespace Portal.Domain.Common;

/// <summary>A business rule said no. <see cref="Code"/> is a stable key that the UI turns into a
/// localised message; <see cref="Field"/> names the input it belongs beside, if any.</summary>
public sealed class DomainRuleException(string code, string? field = null, string? detail = null)
    : Exception(detail ?? code)
{
    public string Code { get; } = code;
    public string? Field { get; } = field;
}

/// <summary>The access policy said no. Deliberately says nothing about whether the item exists.</summary>
public sealed class AccessDeniedException(string code = "access.denied") : Exception(code)
{
    public string Code { get; } = code;
}

/// <summary>Nothing the actor may see has that id (also used when it exists but is not visible,
/// so that guessing ids reveals nothing).</summary>
public sealed class NotFoundException(string code = "notfound") : Exception(code)
{
    public string Code { get; } = code;
}
