namespace Partnership.Core.Common;

/// <summary>A refusal of one field (or of the whole request when Field is empty), by a message code the web layer localises.</summary>
public sealed record FieldError(string Field, string Code, IReadOnlyList<string>? Args = null);

public enum OutcomeStatus
{
    Ok,
    Invalid,
    NotFound,
    Conflict,
}

/// <summary>What an area service did with a command. Codes are resource keys, never display text.</summary>
public sealed record Outcome<T>(OutcomeStatus Status, T? Value, IReadOnlyList<FieldError> Errors)
{
    public bool Succeeded => Status == OutcomeStatus.Ok;

    public static Outcome<T> Ok(T value) => new(OutcomeStatus.Ok, value, []);
    public static Outcome<T> Invalid(IReadOnlyList<FieldError> errors) => new(OutcomeStatus.Invalid, default, errors);
    public static Outcome<T> Invalid(string field, string code) => Invalid([new FieldError(field, code)]);
    public static Outcome<T> NotFound() => new(OutcomeStatus.NotFound, default, []);
    public static Outcome<T> Conflict(string code) => new(OutcomeStatus.Conflict, default, [new FieldError("", code)]);
}
