namespace LoanSaaS.Infrastructure.Common;

/// <summary>A field-level validation problem with a stable code; the UI localizes the code (e.g. "Mobile.Invalid").</summary>
public sealed record FieldError(string Field, string Code);

public class Result
{
    public IReadOnlyList<FieldError> Errors { get; init; } = [];
    public bool Succeeded => Errors.Count == 0;

    public static Result Ok() => new();
    public static Result Fail(string field, string code) => new() { Errors = [new FieldError(field, code)] };
    public static Result Fail(IReadOnlyList<FieldError> errors) => new() { Errors = errors };
}

public sealed class Result<T> : Result
{
    public T? Value { get; init; }

    public static Result<T> Ok(T value) => new() { Value = value };
    public static new Result<T> Fail(string field, string code) => new() { Errors = [new FieldError(field, code)] };
    public static new Result<T> Fail(IReadOnlyList<FieldError> errors) => new() { Errors = errors };
}

/// <summary>Thrown when the current user may not do what they asked; the UI and API answer 403.</summary>
public sealed class AccessDeniedException(string message) : Exception(message);
