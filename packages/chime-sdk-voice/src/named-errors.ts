import { awsRestJsonProtocol, type Protocol, ServiceError } from "@voicetask/core";

/**
 * restJson1 as core parses it, with one addition the AWS SDKs taught users to rely on: a service error is
 * named after its shape (`err.name === "NotFoundException"`), as well as carrying it on `code`. The class
 * stays core's (`ServiceError`, or `ThrottlingError` for throttles), so `instanceof` checks keep working.
 */
export const namedAwsRestJsonProtocol: Protocol = {
  name: awsRestJsonProtocol.name,
  async parse(response, context) {
    try {
      return await awsRestJsonProtocol.parse(response, context);
    } catch (error) {
      if (error instanceof ServiceError) error.name = error.code;
      throw error;
    }
  },
};
