import Foundation
import HTTPTypes
import Hummingbird
import LiftbackApp
import LiftbackCore

/// An API error: a status and a JSON body `{error, field}` naming what is wrong (the API, described at /openapi.json).
public struct APIError: Error, HTTPResponseError, Equatable {
    public var status: HTTPResponse.Status
    public var message: String
    public var field: String?
    /// Seconds before trying again, for a 429.
    public var retryAfter: Int?

    public init(_ status: HTTPResponse.Status, _ message: String, field: String? = nil, retryAfter: Int? = nil) {
        self.status = status
        self.message = message
        self.field = field
        self.retryAfter = retryAfter
    }

    public static let unauthorized = APIError(.unauthorized, "sign in first: send a bearer token from /api/v1/auth/token")
    /// Used for anything the caller may not see, so that it cannot learn what exists.
    public static let notFound = APIError(.notFound, "not found")

    struct Body: Encodable {
        var error: String
        var field: String?
    }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        var response = JSONResponse.make(Body(error: message, field: field), status: status)
        if status == .unauthorized { response.headers[.wwwAuthenticate] = "Bearer" }
        if let retryAfter { response.headers[.retryAfter] = String(retryAfter) }
        return response
    }

    /// A service's refusal as the API answers it.
    static func from(_ error: AppError) -> APIError {
        switch error {
        case .signInRequired: .unauthorized
        case .notFound: .notFound
        case .forbidden(let message, let field): APIError(.forbidden, message, field: field)
        case .invalid(let field, let message): APIError(.badRequest, message, field: field)
        case .wrongCredentials: APIError(.unauthorized, "that email and password do not match")
        case .tooManyAttempts(let seconds):
            APIError(.tooManyRequests, "too many attempts; please try again in \(Wait.words(seconds))", retryAfter: seconds)
        case .loadNeedsConfirmation(let jump):
            APIError(.badRequest, jump.message + " To keep it, send it again with \"confirm\": true.", field: "weight")
        case .emailTaken: APIError(.conflict, "an account with this email already exists", field: "email")
        case .noIntake: APIError(.conflict, "complete the intake first", field: "intake")
        case .busy: APIError(.conflict, "the case changed while this was being saved; nothing was saved, please try again")
        case .keyReused:
            APIError(
                .conflict,
                "this Idempotency-Key was sent before with a different entry; nothing was saved (use a new key for a new entry)",
                field: "Idempotency-Key")
        }
    }

    /// Maps the errors of the layers below to API errors; anything unexpected becomes a 500 without details.
    static func from(_ error: any Error) -> any Error {
        switch error {
        case let error as APIError: error
        case let error as AppError: from(error)
        case let error as CaseError:
            APIError(
                error.tooLate ? .unprocessableContent : .badRequest, error.message, field: error.field.isEmpty ? nil : error.field
            )
        case let error as InstrumentError:
            APIError(.badRequest, error.description, field: error.item.map { "answers[\($0 - 1)]" } ?? "answers")
        case let error as HTTPResponseError: error
        default: APIError(.internalServerError, "something went wrong on our side; nothing was saved")
        }
    }
}

/// Turns thrown errors into JSON error responses.
struct APIErrorMiddleware: RouterMiddleware {
    typealias Context = AppContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response
    {
        do {
            return try await next(request, context)
        } catch {
            let mapped = APIError.from(error)
            if (mapped as? APIError)?.status == .internalServerError { context.logger.error("request failed: \(error)") }
            throw mapped
        }
    }
}
