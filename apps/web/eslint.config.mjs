import angularConfig from '../../libs/web/eslint.angular.mjs';

export default [...angularConfig];
